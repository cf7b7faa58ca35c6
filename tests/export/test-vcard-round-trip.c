/* test-vcard-round-trip.c: vCard → Netbook → vCard → Netbook keeps
 * names, organisations, emails, phones, notes and tags, through the
 * vCard import (nb-import.h) and export (nb-export.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "export-test-util.h"
#include "nb-export.h"
#include "nb-import.h"

static const char source_vcf[] =
  "BEGIN:VCARD\r\n"
  "VERSION:3.0\r\n"
  "FN:Zoë Ångström\r\n"
  "N:Ångström;Zoë;;;\r\n"
  "ORG:Acme\\, Bakery;Ovens\r\n"
  "TITLE:Owner\r\n"
  "EMAIL;TYPE=work:zoe@example.com\r\n"
  "EMAIL:z.angstrom@example.org\r\n"
  "TEL;TYPE=cell:+44 20 7946 0958\r\n"
  "CATEGORIES:bakers,london\r\n"
  "NOTE:Loves sailing\\; ask about the regatta\\nand sourdough\r\n"
  "END:VCARD\r\n"
  "BEGIN:VCARD\r\n"
  "VERSION:4.0\r\n"
  "FN:" TEST_HOSTILE_NAME "\r\n"
  "N:Smith;Bob;;;\r\n"
  "ORG:Smith\\, Jones \\\\ Sons\r\n"
  "EMAIL:bob@example.com\r\n"
  "TEL:020 7946 0000\r\n"
  "CATEGORIES:a\\,b,<i>\r\n"
  "NOTE:A very long note that will certainly be folded when Netbook writes it "
  "back out, with ünïcödé characters right where the fold falls ééééééééééé\r\n"
  "END:VCARD\r\n";

static NbStore *
import_vcards (const char *vcf,
               gsize       size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (vcf, size);
  g_autoptr(NbImportOptions) options = nb_import_options_new ();
  g_autoptr(NbImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  NbStore *store = test_open_new_store ();

  nb_import_options_set_format (options, NB_IMPORT_FORMAT_VCARD);
  report = nb_import_bytes (store, bytes, options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 2);
  g_assert_cmpuint (report->skipped, ==, 0);

  return store;
}

static char *
export_vcards (NbStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  nb_export_vcard (store, NULL, 0, out, NULL, &error);
  g_assert_no_error (error);

  return test_steal_memory (out, NULL);
}

static NbPerson *
find (NbStore    *store,
      const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = nb_store_list_people (store, NULL, TRUE, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    {
      NbPerson *person = g_ptr_array_index (people, i);

      if (g_str_equal (nb_person_get_display_name (person), name))
        return g_object_ref (person);
    }

  g_error ("“%s” was not imported", name);
  return NULL;
}

static gboolean
has_note (NbStore    *store,
          NbPerson   *person,
          const char *text)
{
  g_autoptr(GPtrArray) entries = nb_store_list_entries (store, nb_person_get_id (person), NULL);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      NbEntry *entry = g_ptr_array_index (entries, i);

      if (nb_entry_get_kind (entry) == NB_ENTRY_NOTE &&
          strstr (nb_entry_get_text (entry), text) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
assert_same_card (NbStore  *first_store,
                  NbStore  *second_store,
                  const char *name,
                  const char *note)
{
  g_autoptr(NbPerson) a = find (first_store, name);
  g_autoptr(NbPerson) b = find (second_store, name);
  static const NbPersonField fields[] = {
    NB_PERSON_DISPLAY_NAME, NB_PERSON_GIVEN_NAME, NB_PERSON_FAMILY_NAME,
    NB_PERSON_COMPANY, NB_PERSON_ROLE, NB_PERSON_EMAILS, NB_PERSON_PHONES,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_cmpstr (nb_person_get_field (a, fields[i]), ==, nb_person_get_field (b, fields[i]));
  g_assert_true (g_strv_equal ((const char * const *) nb_person_get_tags (a),
                               (const char * const *) nb_person_get_tags (b)));
  g_assert_true (has_note (first_store, a, note));
  g_assert_true (has_note (second_store, b, note));
}

static void
test_vcard_round_trip (void)
{
  g_autoptr(NbStore) first = import_vcards (source_vcf, strlen (source_vcf));
  g_autofree char *first_vcf = export_vcards (first);
  g_autoptr(NbStore) second = import_vcards (first_vcf, strlen (first_vcf));
  g_autofree char *second_vcf = export_vcards (second);
  g_autoptr(NbStore) third = import_vcards (second_vcf, strlen (second_vcf));
  g_autoptr(NbPerson) zoe = find (first, "Zoë Ångström");

  /* What the source said arrived. */
  g_assert_cmpstr (nb_person_get_company (zoe), ==, "Acme, Bakery");
  g_assert_cmpstr (nb_person_get_field (zoe, NB_PERSON_EMAILS), ==,
                   "zoe@example.com\nz.angstrom@example.org");
  g_assert_true (has_note (first, zoe, "Loves sailing; ask about the regatta\nand sourdough"));

  /* And survives two trips through Netbook's own vCards. */
  assert_same_card (first, second, "Zoë Ångström", "Loves sailing; ask about the regatta\nand sourdough");
  assert_same_card (first, third, "Zoë Ångström", "Loves sailing; ask about the regatta\nand sourdough");
  assert_same_card (first, second, TEST_HOSTILE_NAME, "ünïcödé characters right where the fold falls");
  assert_same_card (first, third, TEST_HOSTILE_NAME, "ünïcödé characters right where the fold falls");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/vcard/round-trip", test_vcard_round_trip);

  return g_test_run ();
}
