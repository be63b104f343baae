CREATE TABLE `ratings` (
	`dossier_id` text PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`user_id` integer NOT NULL,
	`level` text NOT NULL,
	`contents` text,
	`comment` text,
	`contents_hash` text NOT NULL,
	`rated_at` text NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ratings_id_unique` ON `ratings` (`id`);