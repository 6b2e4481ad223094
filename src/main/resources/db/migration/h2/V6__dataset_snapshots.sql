-- Each dataset's table parsed at upload (dev.backprop.dataset.TableSnapshot), so training jobs load it without
-- parsing the CSV again. Datasets without one (uploaded earlier) are parsed from dataset_content as before.
create table dataset_snapshot (
    dataset_id  bigint primary key references dataset (id) on delete cascade,
    format      integer not null,
    bytes       binary large object not null
);
