/* import-test-util.h: helpers shared by the import tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nb-vcard.h"
#include "store-test-util.h"

G_BEGIN_DECLS

/* The bytes of tests/import/data/@name. */
GBytes    *test_fixture        (const char  *name);
/* Every card of @data (after nb_text_to_utf8()), as NbVCard*. */
GPtrArray *test_parse_vcards   (GBytes      *data);
GPtrArray *test_parse_vcard_text (const char *text);
/* @text repeated until it is at least @size bytes long. */
GBytes    *test_repeat         (const char  *text,
                                gsize        size);
/* The value of a one-per-line field as a GStrv. */
GStrv      test_values         (NbPerson    *person,
                                NbPersonField field);
/* The person of the notebook whose display name is @name, or NULL. */
NbPerson  *test_find_person    (NbStore     *store,
                                const char  *name);
guint      test_count_people   (NbStore     *store);

G_END_DECLS
