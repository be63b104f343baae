CREATE TABLE `relay_inbound_pending` (
	`dossier_id` text NOT NULL,
	`seq` integer NOT NULL,
	`event` text NOT NULL,
	`received_at` text NOT NULL,
	PRIMARY KEY(`dossier_id`, `seq`),
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `dossier_history` ADD `event` text;--> statement-breakpoint
ALTER TABLE `dossier_history` ADD `actor` text;--> statement-breakpoint
ALTER TABLE `dossier_history` ADD `unit` text;--> statement-breakpoint
ALTER TABLE `dossiers` ADD `life` text;--> statement-breakpoint
ALTER TABLE `dossiers` ADD `last_event_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `relay_outbox` ADD `payload` text;--> statement-breakpoint
ALTER TABLE `relay_outbox` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `relay_outbox` ADD `next_attempt_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `relay_outbox` ADD `delivered_at` text;--> statement-breakpoint
ALTER TABLE `relay_outbox` ADD `parked_at` text;--> statement-breakpoint
ALTER TABLE `relay_outbox` ADD `last_error` text;--> statement-breakpoint
CREATE INDEX `relay_outbox_pending` ON `relay_outbox` (`next_attempt_at`,`id`) WHERE delivered_at IS NULL AND parked_at IS NULL;