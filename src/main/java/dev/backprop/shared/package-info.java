/** Domain exceptions and small value types every feature shares; nothing here knows about HTTP. */
package dev.backprop.shared;
