CREATE TABLE `dossier_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`dossier_id` text NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`request_at` text NOT NULL,
	`body_hash` text NOT NULL,
	`body` text NOT NULL,
	`outbox_id` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dossier_steps_answer` ON `dossier_steps` (`dossier_id`,`kind`,`request_at`);