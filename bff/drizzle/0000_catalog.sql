CREATE TABLE `catalog_documents` (
	`key` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`hash` text NOT NULL,
	`changed_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `catalog_meta` (
	`id` integer PRIMARY KEY NOT NULL,
	`epoch` text NOT NULL,
	`seq` integer NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "catalog_meta_single_row" CHECK("catalog_meta"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `catalog_procedures` (
	`code` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`hash` text NOT NULL,
	`changed_seq` integer NOT NULL,
	`changed_at` text NOT NULL,
	`removed` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `catalog_procedures_changed_seq` ON `catalog_procedures` (`changed_seq`);