CREATE TABLE `notice_mail` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`notice_id` text NOT NULL,
	`dossier_id` text NOT NULL,
	`step` integer NOT NULL,
	`recipient` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` text NOT NULL,
	`sent_at` text,
	`failed_at` text,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notice_mail_dossier_step` ON `notice_mail` (`dossier_id`,`step`);--> statement-breakpoint
CREATE INDEX `notice_mail_due` ON `notice_mail` (`next_attempt_at`) WHERE "notice_mail"."sent_at" IS NULL AND "notice_mail"."failed_at" IS NULL;--> statement-breakpoint
CREATE TABLE `notices` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`user_id` integer NOT NULL,
	`dossier_id` text NOT NULL,
	`dossier_code` text NOT NULL,
	`step` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`content` text NOT NULL,
	`created_at` text NOT NULL,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notices_id_unique` ON `notices` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `notices_dossier_step` ON `notices` (`dossier_id`,`step`);--> statement-breakpoint
CREATE INDEX `notices_user_seq` ON `notices` (`user_id`,`seq`);--> statement-breakpoint
CREATE INDEX `notices_user_unread` ON `notices` (`user_id`) WHERE "notices"."read_at" IS NULL;