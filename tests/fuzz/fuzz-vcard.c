/* fuzz-vcard.c: libFuzzer target for the vCard reader, from the bytes
 * to import records, with the invariants the importer relies on.
 *
 * Built with -Dfuzzing=true (clang); the same function runs over
 * corpus/vcard/ in every build (fuzz-corpus-main.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "nb-import-private.h"
#include "nb-text.h"
#include "nb-vcard.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_record (const NbImportRecord *record)
{
  g_assert_true (g_utf8_validate (record->name, -1, NULL));

  if (record->skip_reason != NULL)
    return;

  g_assert_cmpstr (record->name, !=, "");
  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    g_assert_true (record->fields[i] == NULL || g_utf8_validate (record->fields[i], -1, NULL));
  for (guint i = 0; i < record->tags->len; i++)
    g_assert_true (g_utf8_validate (g_ptr_array_index (record->tags, i), -1, NULL));
  g_assert_true (record->note == NULL || g_utf8_validate (record->note, -1, NULL));
  g_assert_true (record->photo == NULL || g_bytes_get_size (record->photo) <= NB_VCARD_MAX_PHOTO);
  g_assert_true (record->fields[NB_PERSON_BIRTHDAY] == NULL ||
                 strlen (record->fields[NB_PERSON_BIRTHDAY]) == 10);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GBytes) text = nb_text_to_utf8 (bytes);
  g_autoptr(NbVCardParser) parser = nb_vcard_parser_new (text);
  g_autoptr(GPtrArray) records = NULL;
  NbVCard *card;
  guint n = 0;

  while ((card = nb_vcard_parser_next (parser)) != NULL)
    {
      g_autofree char *name = nb_vcard_dup_name (card);

      g_assert_cmpuint (card->number, ==, ++n);
      g_assert_true (card->skip_reason != NULL || g_utf8_validate (name, -1, NULL));
      g_assert_nonnull (card->org_units);
      nb_vcard_free (card);
    }

  records = _nb_import_read (bytes, NB_IMPORT_FORMAT_VCARD, NULL, 0, NULL, NULL, NULL, NULL);
  g_assert_true (records == NULL || records->len == n);
  for (guint i = 0; records != NULL && i < records->len; i++)
    check_record (g_ptr_array_index (records, i));

  (void) nb_import_detect_format (bytes);
  return 0;
}
