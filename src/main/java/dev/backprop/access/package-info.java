/** Who may call the API: hashed API keys with the roles admin, trainer and predictor. */
package dev.backprop.access;
