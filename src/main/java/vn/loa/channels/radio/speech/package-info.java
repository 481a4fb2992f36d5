/**
 * Radio scripts as they are said: Vietnamese numbers, dates, document numbers and
 * abbreviations in words.
 */
@org.jspecify.annotations.NullMarked
package vn.loa.channels.radio.speech;
