/**
 * Validation, normalisation and masking of Chinese identifiers (resident ID numbers, unified social credit codes,
 * organisation codes, mobile numbers), plus Jakarta Bean Validation constraints built on them.
 * <p>
 * Validators are strict about what they accept, so that a value that passes is safe to store as is;
 * callers that accept sloppy user input run it through the {@code normalize} methods first.
 */
package cn.cac.gzh.common.identifiers;
