package dev.backprop.access;

/** The holder of a valid key, as the security layer sees it on each request. */
public record Caller(long keyId, String name, Role role) {
}
