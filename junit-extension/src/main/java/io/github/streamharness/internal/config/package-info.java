/**
 * Internal, not API: validation of harness and mapping settings, with the texts users see. May change in any
 * release.
 */
package io.github.streamharness.internal.config;
