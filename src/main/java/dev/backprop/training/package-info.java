/** Training jobs: rows in the database (QUEUED → RUNNING → done) run by a bounded worker pool (db-scheduler). */
package dev.backprop.training;
