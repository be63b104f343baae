CREATE TABLE `onestop_supplements` (
	`dossier_id` text NOT NULL,
	`request` integer NOT NULL,
	`components` text NOT NULL,
	`form` text,
	`note` text,
	`message_key` text NOT NULL,
	`received_at` text NOT NULL,
	PRIMARY KEY(`dossier_id`, `request`),
	FOREIGN KEY (`dossier_id`) REFERENCES `onestop_dossiers`(`id`) ON UPDATE no action ON DELETE no action
);
