/**
 * Internal, not API: FilterCriteria: compiling and matching event filter patterns (section 9). Types here are public
 * only so that other internal packages can use them; they may change in any release. Use the types of {@code
 * io.github.streamharness} instead.
 */
package io.github.streamharness.internal.filter;
