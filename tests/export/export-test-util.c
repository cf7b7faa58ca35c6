/* export-test-util.c: a rich notebook for the export tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "export-test-util.h"

static const guint8 png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
  0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
  0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00,
  0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
  0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00,
  0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

GBytes *
test_png_bytes (void)
{
  return g_bytes_new_static (png, sizeof png);
}

char *
test_steal_memory (GOutputStream *stream,
                   gsize         *out_size)
{
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);
  gsize size;
  char *data;

  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  size = g_memory_output_stream_get_data_size (memory);
  data = g_memory_output_stream_steal_data (memory);
  data = g_realloc (data, size + 1);
  data[size] = '\0';
  if (out_size != NULL)
    *out_size = size;

  return data;
}

static gint64
add_full_entry (NbStore     *store,
                NbEntryKind  kind,
                gint64       person_id,
                const char  *date,
                const char  *text,
                NbStatus     status,
                const char  *due,
                gint64       other_id,
                gint64       event_id)
{
  g_autoptr(NbEntry) entry = nb_entry_new (kind, person_id, date, text);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (due != NULL)
    nb_entry_set_due (entry, due);
  nb_entry_set_status (entry, status);
  nb_entry_set_other_person_id (entry, other_id);
  nb_entry_set_event_id (entry, event_id);
  id = nb_store_add_entry (store, entry, &error);
  g_assert_no_error (error);

  return id;
}

void
test_fill_rich (NbStore  *store,
                gboolean  big_note)
{
  g_autoptr(NbPerson) zoe = nb_person_new ("Zoë Ångström");
  g_autoptr(NbPerson) bob = nb_person_new (TEST_HOSTILE_NAME);
  g_autoptr(NbPerson) gone = nb_person_new ("Gone Person");
  g_autoptr(NbEvent) breakfast = nb_event_new ("Chamber breakfast", "2024-05-02", "Town hall, room 2");
  g_autoptr(NbEvent) undated = nb_event_new ("Meetup; \"no date\"", "", "");
  g_autoptr(GBytes) photo = test_png_bytes ();
  g_autoptr(GError) error = NULL;
  const char *zoe_tags[] = { "bakers", "london", "Ünïcode tag", NULL };
  const char *bob_tags[] = { "a,b;c\\d", "<i>", NULL };
  gint64 zoe_id, bob_id, tom_id, ann_id, gone_id;
  gint64 breakfast_id, undated_id;
  sqlite3 *db;

  nb_person_set_field (zoe, NB_PERSON_GIVEN_NAME, "Zoë");
  nb_person_set_field (zoe, NB_PERSON_FAMILY_NAME, "Ångström");
  nb_person_set_field (zoe, NB_PERSON_COMPANY, "Acme Bakery");
  nb_person_set_field (zoe, NB_PERSON_ROLE, "Owner");
  nb_person_set_field (zoe, NB_PERSON_INDUSTRY, "Food");
  nb_person_set_field (zoe, NB_PERSON_LOCATION, "London");
  nb_person_set_field (zoe, NB_PERSON_EMAILS, "zoe@example.com\nz.angstrom@example.org");
  nb_person_set_field (zoe, NB_PERSON_PHONES, "+44 20 7946 0958\n020 7946 0000");
  nb_person_set_field (zoe, NB_PERSON_URLS, "https://acme.example/about?a=1,b=2;c");
  nb_person_set_field (zoe, NB_PERSON_MET_DATE, "2024-05-02");
  nb_person_set_field (zoe, NB_PERSON_MET_WHERE, "Chamber breakfast");
  nb_person_set_field (zoe, NB_PERSON_TARGET_MARKET, "Cafés that bake their own bread");
  nb_person_set_field (zoe, NB_PERSON_OFFERS, "Sourdough workshops");
  nb_person_set_field (zoe, NB_PERSON_INTERESTS, "Sailing, chess");
  nb_person_set_field (zoe, NB_PERSON_WORK_LIKES, "Early mornings");
  nb_person_set_field (zoe, NB_PERSON_INDUSTRY_NEWS, "Flour prices");
  nb_person_set_field (zoe, NB_PERSON_CAREER_ORIGIN, "Her grandmother's bakery");
  nb_person_set_field (zoe, NB_PERSON_NETWORKS, "BNI London");
  nb_person_set_field (zoe, NB_PERSON_BIRTHDAY, "1980-02-15");
  nb_person_set_tags (zoe, zoe_tags);
  nb_person_set_cadence_days (zoe, 30);
  nb_person_set_rapport (zoe, 4);
  nb_person_set_photo (zoe, photo);
  zoe_id = nb_store_add_person (store, zoe, &error);
  g_assert_no_error (error);

  nb_person_set_field (bob, NB_PERSON_COMPANY, "Smith, Jones; \\ Sons \"Ltd\"\nsecond line\r\nthird");
  nb_person_set_field (bob, NB_PERSON_ROLE, "=1+1");
  nb_person_set_field (bob, NB_PERSON_EMAILS, "bob@example.com");
  nb_person_set_field (bob, NB_PERSON_PHONES, "-2+3+cmd|' /C calc'!A0");
  nb_person_set_field (bob, NB_PERSON_OFFERS, "---\nkey: value\n# not a heading\n1. not a list\n* star _under_ `code` [link](x) |pipe|");
  nb_person_set_field (bob, NB_PERSON_INTERESTS, "Emoji 🎉 and RTL שלום and\ttab and \x01 control");
  nb_person_set_tags (bob, bob_tags);
  bob_id = nb_store_add_person (store, bob, &error);
  g_assert_no_error (error);

  tom_id = test_add_person (store, "Tom O'Brien", "O'Brien Roofing", "Sales");
  ann_id = test_add_person (store, "Ann Archived", "", "");
  nb_store_set_person_archived (store, ann_id, TRUE, &error);
  g_assert_no_error (error);

  gone_id = nb_store_add_person (store, gone, &error);
  g_assert_no_error (error);

  {
    g_autoptr(NbPerson) tom = nb_store_get_person (store, tom_id, &error);

    g_assert_no_error (error);
    nb_person_set_introduced_by (tom, zoe_id);
    nb_store_update_person (store, tom, &error);
    g_assert_no_error (error);
  }

  breakfast_id = nb_store_add_event (store, breakfast, &error);
  g_assert_no_error (error);
  undated_id = nb_store_add_event (store, undated, &error);
  g_assert_no_error (error);
  nb_store_add_attendee (store, breakfast_id, zoe_id, &error);
  g_assert_no_error (error);
  nb_store_add_attendee (store, breakfast_id, bob_id, &error);
  g_assert_no_error (error);
  nb_store_add_attendee (store, breakfast_id, gone_id, &error);
  g_assert_no_error (error);

  /* Every kind; every status of the kinds that have one. */
  for (int kind = 0; kind < NB_N_ENTRY_KINDS; kind++)
    {
      for (int status = 0; status < NB_N_STATUSES; status++)
        {
          g_autofree char *text = NULL;
          const char *due = kind == NB_ENTRY_FOLLOW_UP ? "2024-06-01" : NULL;
          gint64 other = kind == NB_ENTRY_INTRODUCTION ? bob_id : 0;

          if (!nb_entry_kind_accepts_status ((NbEntryKind) kind, (NbStatus) status))
            continue;

          text = g_strdup_printf ("%s %s, with \"quotes\"; commas\nand a second line",
                                  nb_entry_kind_to_string ((NbEntryKind) kind),
                                  nb_status_to_string ((NbStatus) status));
          add_full_entry (store, (NbEntryKind) kind, zoe_id, "2024-05-03", text,
                          (NbStatus) status, due, other,
                          kind == NB_ENTRY_MEETING ? breakfast_id : 0);
        }
    }

  add_full_entry (store, NB_ENTRY_NOTE, bob_id, "2024-04-01", TEST_HOSTILE_NAME " said: <script>", NB_STATUS_NONE,
                  NULL, 0, undated_id);
  add_full_entry (store, NB_ENTRY_INTRODUCTION, tom_id, "2024-05-20", "Tom meets Gone",
                  NB_STATUS_NONE, NULL, gone_id, 0);
  add_full_entry (store, NB_ENTRY_NOTE, gone_id, "2024-05-21", "Gone's own note",
                  NB_STATUS_NONE, NULL, 0, 0);

  if (big_note)
    {
      gsize size = 10 * 1024 * 1024;
      g_autofree char *text = g_malloc (size + 1);

      for (gsize i = 0; i < size; i++)
        text[i] = "abcdefghij klmnopqrstuvwxyz\n\"\\,;"[i % 33];
      text[size] = '\0';
      add_full_entry (store, NB_ENTRY_NOTE, tom_id, "2024-01-01", text, NB_STATUS_NONE,
                      NULL, 0, 0);
    }

  nb_store_set_profile (store, "Bookkeeping, \"for\" small firms\n<b>bold</b>",
                        "Restaurant owners; cafés", &error);
  g_assert_no_error (error);

  /* Distinct, old timestamps: an import must keep them. */
  db = test_sqlite_open (nb_store_get_path (store));
  test_sqlite_exec (db, "UPDATE people SET created = 1000000000 + id * 1000, updated = 1100000000 + id * 7;"
                        "UPDATE entries SET created = 1200000000 + id * 11, updated = 1300000000 + id * 13;"
                        "UPDATE events SET created = 1400000000 + id * 17;");
  sqlite3_close (db);

  /* Deleted but undoable: left out of exports, with references to them. */
  nb_store_delete_person (store, gone_id, &error);
  g_assert_no_error (error);
}
