/**
 * Tumbling windows (section 8): a lane's open window and its state, and what one invocation in a window carries. Not
 * API.
 */
package io.github.streamharness.internal.window;
