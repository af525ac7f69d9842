-- A token's own limit of requests per minute (decision 0016); NULL: the default, mingze.api.requests-per-minute.
ALTER TABLE api_token ADD COLUMN requests_per_minute INT;
ALTER TABLE api_token ADD CONSTRAINT api_token_rate_range
    CHECK (requests_per_minute IS NULL OR requests_per_minute BETWEEN 1 AND 6000);
