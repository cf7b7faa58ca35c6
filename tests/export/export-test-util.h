/* export-test-util.h: a notebook with a little of everything, for the
 * export, JSON and backup tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store-test-util.h"

G_BEGIN_DECLS

/* The hostile name of the tests: markup, quotes, a path. */
#define TEST_HOSTILE_NAME "<b>Bob</b> & \"Sons\"/../x"

/* Every entry kind and status, introductions (one to a person deleted
 * but still undoable), events with attendees, a profile, tags, photos,
 * hostile text and distinct timestamps. With @big_note, a 10 MB note. */
void     test_fill_rich      (NbStore    *store,
                              gboolean    big_note);
/* A tiny valid PNG. */
GBytes  *test_png_bytes      (void);
/* The text written to @stream (a GMemoryOutputStream), NUL-terminated. */
char    *test_steal_memory   (GOutputStream *stream,
                              gsize         *out_size);

G_END_DECLS
