/* fuzz-json.c: libFuzzer target for the JSON import's reader and checks
 * (_nb_json_parse(), nb-json-parse.c): a document or a clear refusal,
 * and a document only holds what the store will accept.
 *
 * Built with -Dfuzzing=true (clang); the same function runs over
 * corpus/json/ in every build (tests/robust).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "nb-date.h"
#include "nb-json-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_text (const char *text)
{
  g_assert_true (text == NULL || g_utf8_validate (text, -1, NULL));
}

static void
check_document (const NbJsonDocument *document)
{
  check_text (document->offers);
  check_text (document->looking_for);

  for (guint i = 0; i < document->people->len; i++)
    {
      const NbJsonPerson *p = &g_array_index (document->people, NbJsonPerson, i);
      const char *name = nb_person_get_display_name (p->person);
      g_autofree char *trimmed = NULL;

      g_assert_cmpint (p->id, >, 0);
      g_assert_nonnull (name);
      g_assert_true (g_utf8_validate (name, -1, NULL));
      trimmed = g_strstrip (g_strdup (name));
      g_assert_cmpstr (trimmed, !=, "");
      for (guint f = 0; f < NB_PERSON_N_FIELDS; f++)
        check_text (nb_person_get_field (p->person, (NbPersonField) f));
    }

  for (guint i = 0; i < document->entries->len; i++)
    {
      const NbJsonEntry *e = &g_array_index (document->entries, NbJsonEntry, i);

      g_assert_cmpint (e->id, >, 0);
      g_assert_true (nb_date_is_valid_iso (nb_entry_get_date (e->entry)));
      check_text (nb_entry_get_text (e->entry));
    }

  for (guint i = 0; i < document->events->len; i++)
    {
      const NbJsonEvent *e = &g_array_index (document->events, NbJsonEvent, i);

      g_assert_cmpint (e->id, >, 0);
      g_assert_nonnull (e->attendees);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NbJsonDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  bytes = g_bytes_new_static (data, size);
  document = _nb_json_parse (bytes, NULL, &error);
  if (document == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == NB_STORE_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert_no_error (error);
  check_document (document);
  return 0;
}
