-- Cross-validation and tuning jobs share the job table with training: what kind, what was asked, what came out.
alter table training_job add column kind varchar(24) default 'TRAINING' not null;
alter table training_job add column progress varchar(200);
alter table training_job add column spec_json character large object;
alter table training_job add column result_json character large object;
