-- The last checkpoint of a running or re-queued training job (one row per job, removed when the job ends).
create table training_checkpoint (
    job_id      bigint primary key references training_job (id) on delete cascade,
    epoch       integer not null,
    bytes       bytea not null,
    created_at  timestamp(6) with time zone not null
);
