CREATE TABLE `idp_account_state` (
	`sub` text PRIMARY KEY NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_at` text,
	`last_totp_step` integer,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `idp_store` (
	`model` text NOT NULL,
	`id` text NOT NULL,
	`payload` text NOT NULL,
	`expires_at` integer,
	`grant_id` text,
	`uid` text,
	PRIMARY KEY(`model`, `id`)
);
--> statement-breakpoint
CREATE INDEX `idp_store_grant_id` ON `idp_store` (`grant_id`);--> statement-breakpoint
CREATE INDEX `idp_store_uid` ON `idp_store` (`model`,`uid`);--> statement-breakpoint
CREATE INDEX `idp_store_expires_at` ON `idp_store` (`expires_at`);