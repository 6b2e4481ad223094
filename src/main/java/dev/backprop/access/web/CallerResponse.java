package dev.backprop.access.web;

record CallerResponse(Long keyId, String name, String role, boolean devMode) {
}
