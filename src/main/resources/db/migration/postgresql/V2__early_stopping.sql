-- Early stopping: where a job stopped and which epoch's weights its version kept.
alter table training_job add column early_stopped boolean default false not null;
alter table training_job add column kept_epoch integer;
