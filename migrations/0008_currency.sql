-- What a workshop's budget votes count money in (ISO 4217), for reports and exports; the live
-- room has it in the doc. Workshops from before the setting counted in pounds.
ALTER TABLE workshops ADD COLUMN currency TEXT NOT NULL DEFAULT 'GBP';
