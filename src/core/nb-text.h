/* nb-text.h: the character sets of files that other programs export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @data without its UTF-8 byte order mark, and UTF-16 (with a byte
 * order mark, or recognised by the NUL bytes of ASCII text, as Outlook
 * and old Apple Address Book write it) converted to UTF-8. Other bytes
 * are returned as they are: checking them is the reader's job. Returns
 * a new reference. */
GBytes  *nb_text_to_utf8            (GBytes     *data);

/* Windows-1252 (in practice a superset of ISO-8859-1) to UTF-8. Never
 * fails: the five bytes Windows-1252 leaves undefined become U+FFFD, a
 * NUL byte stays a NUL byte. @length -1: up to a NUL. @out_length (may
 * be NULL) receives the result's length. */
char    *nb_text_from_windows_1252  (const char *data,
                                     gssize      length,
                                     gsize      *out_length);

/* Whether @data holds at least one well-formed multi-byte UTF-8
 * sequence: text that is not valid UTF-8 as a whole but has some is
 * damaged UTF-8, not a legacy 8-bit character set. */
gboolean nb_text_has_utf8_sequences (const char *data,
                                     gsize       length);

G_END_DECLS
