CREATE TABLE `onestop_dossiers` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`procedure_code` text NOT NULL,
	`procedure_name` text NOT NULL,
	`agency_code` text NOT NULL,
	`applicant_name` text NOT NULL,
	`status` text NOT NULL,
	`unit` text,
	`registered_at` text NOT NULL,
	`registered_ms` integer NOT NULL,
	`rank` integer NOT NULL,
	`due_ms` integer NOT NULL,
	`state` text NOT NULL,
	`submission` text NOT NULL,
	`receipt` text NOT NULL,
	`next_seq` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `onestop_dossiers_code_unique` ON `onestop_dossiers` (`code`);--> statement-breakpoint
CREATE INDEX `onestop_dossiers_queue` ON `onestop_dossiers` (`agency_code`,`rank`,`due_ms`,`registered_ms`,`id`);--> statement-breakpoint
CREATE TABLE `onestop_events` (
	`dossier_id` text NOT NULL,
	`seq` integer NOT NULL,
	`event` text NOT NULL,
	`actor` text,
	`actor_sub` text,
	`created_at` text NOT NULL,
	`pushed_at` text,
	`outcome` text,
	PRIMARY KEY(`dossier_id`, `seq`),
	FOREIGN KEY (`dossier_id`) REFERENCES `onestop_dossiers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `onestop_events_pending` ON `onestop_events` (`dossier_id`,`seq`) WHERE pushed_at IS NULL;--> statement-breakpoint
CREATE TABLE `onestop_files` (
	`dossier_id` text NOT NULL,
	`sha256` text NOT NULL,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`size` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`dossier_id`, `sha256`),
	FOREIGN KEY (`dossier_id`) REFERENCES `onestop_dossiers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `onestop_messages` (
	`key` text PRIMARY KEY NOT NULL,
	`dossier_id` text NOT NULL,
	`kind` text NOT NULL,
	`answer` text NOT NULL,
	`received_at` text NOT NULL
);
