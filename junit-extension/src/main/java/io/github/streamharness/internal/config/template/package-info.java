/**
 * Internal, not API: reading CloudFormation, SAM and {@code cdk synth} templates and the Lambda API's JSON into a
 * mapping and function settings (rule 18.3), behind {@code TemplateFunction} and
 * {@code EventSourceMappingConfig.fromTemplate/fromJson}. May change in any release.
 */
package io.github.streamharness.internal.config.template;
