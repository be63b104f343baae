CREATE TABLE `holiday_days` (
	`date` text PRIMARY KEY NOT NULL,
	`off` integer NOT NULL,
	`name` text NOT NULL,
	`source` text NOT NULL,
	`provisional` integer DEFAULT false NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `holiday_table` (
	`id` integer PRIMARY KEY NOT NULL,
	`from` text NOT NULL,
	`until` text NOT NULL,
	`revision` integer NOT NULL,
	`seeded_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "holiday_table_single_row" CHECK("holiday_table"."id" = 1),
	CONSTRAINT "holiday_table_period" CHECK("holiday_table"."from" <= "holiday_table"."until")
);
--> statement-breakpoint
CREATE TABLE `agency_directory_edits` (
	`id` integer PRIMARY KEY NOT NULL,
	`edited_at` text NOT NULL,
	`edited_by` text NOT NULL,
	CONSTRAINT "agency_directory_edits_single_row" CHECK("agency_directory_edits"."id" = 1)
);
