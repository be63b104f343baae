CREATE TABLE `upload_grants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`type` text NOT NULL,
	`upload_id` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`upload_id`) REFERENCES `uploads`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `upload_grants_upload_id_unique` ON `upload_grants` (`upload_id`);--> statement-breakpoint
CREATE INDEX `upload_grants_user_sha256` ON `upload_grants` (`user_id`,`sha256`);--> statement-breakpoint
CREATE TABLE `uploads` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`filename` text NOT NULL,
	`filetype` text NOT NULL,
	`size` integer NOT NULL,
	`state` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `uploads_user_state` ON `uploads` (`user_id`,`state`);--> statement-breakpoint
CREATE INDEX `uploads_state_expires` ON `uploads` (`state`,`expires_at`);--> statement-breakpoint
CREATE TABLE `dossier_code_counters` (
	`agency_code` text NOT NULL,
	`day` text NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`agency_code`, `day`)
);
--> statement-breakpoint
CREATE TABLE `dossier_files` (
	`dossier_id` text NOT NULL,
	`component_id` text NOT NULL,
	`position` integer NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`type` text NOT NULL,
	`name` text NOT NULL,
	PRIMARY KEY(`dossier_id`, `component_id`, `position`),
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dossier_files_sha256` ON `dossier_files` (`sha256`);--> statement-breakpoint
CREATE TABLE `dossier_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dossier_id` text NOT NULL,
	`status` text NOT NULL,
	`at` text NOT NULL,
	`note` text,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dossier_history_dossier` ON `dossier_history` (`dossier_id`,`id`);--> statement-breakpoint
CREATE TABLE `dossier_sequence` (
	`id` integer PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	CONSTRAINT "dossier_sequence_single_row" CHECK("dossier_sequence"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `dossiers` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`code` text NOT NULL,
	`procedure_code` text NOT NULL,
	`agency_code` text NOT NULL,
	`status` text NOT NULL,
	`external_code` text,
	`submission_hash` text NOT NULL,
	`submission` text NOT NULL,
	`receipt` text NOT NULL,
	`submitted_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`seq` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dossiers_code_unique` ON `dossiers` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `dossiers_seq_unique` ON `dossiers` (`seq`);--> statement-breakpoint
CREATE INDEX `dossiers_user_seq` ON `dossiers` (`user_id`,`seq`);--> statement-breakpoint
CREATE TABLE `relay_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dossier_id` text NOT NULL,
	`message` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `relay_outbox_dossier` ON `relay_outbox` (`dossier_id`);