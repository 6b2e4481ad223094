/** The persistence suite: the same tests against H2, a running PostgreSQL, and PostgreSQL in a container. */
package dev.backprop.persistence;
