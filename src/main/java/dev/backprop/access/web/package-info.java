/** HTTP side of access control: the Spring Security filter chain, 401/403 problem bodies, key management endpoints. */
package dev.backprop.access.web;
