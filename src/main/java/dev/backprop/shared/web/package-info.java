/** The HTTP conventions every feature shares: RFC 9457 problem details and the OpenAPI description. */
package dev.backprop.shared.web;
