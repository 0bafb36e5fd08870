-- The organiser's order of the planner's goals, as comma-separated slugs
-- ("no-repeats,no-revisits,..."); empty means the default order.
ALTER TABLE world_cafes ADD COLUMN goal_order TEXT NOT NULL DEFAULT '';
