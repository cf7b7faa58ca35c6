/* nb-import-write.c: matching records against the notebook and writing
 * them, in one transaction.
 *
 * The people already there are loaded once (_nb_store_list_cards()) and
 * indexed in memory by folded email, URL and name, so that matching a
 * record costs a few hash lookups, never a query per record and
 * criterion. People added by the import join the indexes, so that the
 * same person twice in one file is merged too. A name only matches when
 * it belongs to exactly one person.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-date.h"
#include "nb-import-private.h"
#include "nb-store-private.h"

/* Records between progress reports and cancellation checks. */
#define PROGRESS_EVERY 256

typedef struct {
  NbStore              *store;
  GPtrArray            *records;
  NbImportReport       *report;
  NbImportProgressFunc  progress;
  gpointer              progress_data;
  GCancellable         *cancellable;

  GPtrArray            *people;      /* NbPerson*: the notebook's, then the new */
  GHashTable           *by_email;    /* folded email → NbPerson* (borrowed) */
  GHashTable           *by_url;
  GHashTable           *by_name;     /* folded name → NbPerson*, or &ambiguous */
  GHashTable           *photos;      /* NbPerson* → PHOTO_NONE or PHOTO_STORED */
  /* gint64* person id → their timeline's notes (note_key()s), read
   * once, with the notes this import adds. */
  GHashTable           *notes;
  GPtrArray            *new_notes;   /* NbEntry*: written together, last */
  /* People that records merged into, saved once each at the end: a
   * person with a record per connection is written once, not per
   * record. Borrowed from @people. */
  GPtrArray            *merged;
  GHashTable           *merged_set;
  GHashTable           *values;      /* NbPerson* → person_values() */
} Writer;

/* What the notebook has for a person's photo, once looked up. */
enum {
  PHOTO_UNKNOWN,
  PHOTO_NONE,
  PHOTO_STORED,
};

/* The value of by_name for a name that several people share. */
static char ambiguous;

/* ---- folding ---------------------------------------------------------- */

char *
_nb_import_fold_name (const char *name)
{
  /* How the store compares names too (people.folded_name). */
  return _nb_fold_name (name);
}

char *
_nb_import_fold_email (const char *email)
{
  return g_strstrip (g_ascii_strdown (email, -1));
}

char *
_nb_import_fold_url (const char *url)
{
  g_autofree char *lower = g_strstrip (g_ascii_strdown (url, -1));
  const char *p = lower;
  char *folded;
  char *cut;
  gsize len;

  if (g_str_has_prefix (p, "https://"))
    p += 8;
  else if (g_str_has_prefix (p, "http://"))
    p += 7;
  if (g_str_has_prefix (p, "www."))
    p += 4;

  folded = g_strdup (p);
  cut = strchr (folded, '#');
  if (cut != NULL)
    *cut = '\0';
  /* LinkedIn adds tracking queries to profile links. */
  cut = strchr (folded, '?');
  if (cut != NULL && strstr (folded, "linkedin.com/") != NULL)
    *cut = '\0';

  len = strlen (folded);
  while (len > 0 && folded[len - 1] == '/')
    folded[--len] = '\0';

  return folded;
}

/* Digits only (and a leading +): "+1 (555) 010-0100" = "+15550100100". */
static char *
fold_phone (const char *phone)
{
  GString *out = g_string_new (NULL);

  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) || (*p == '+' && out->len == 0))
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static char *
fold_value (NbPersonField  field,
            const char    *value)
{
  switch (field)
    {
    case NB_PERSON_EMAILS:
      return _nb_import_fold_email (value);
    case NB_PERSON_URLS:
      return _nb_import_fold_url (value);
    case NB_PERSON_PHONES:
      return fold_phone (value);
    case NB_PERSON_DISPLAY_NAME:
    case NB_PERSON_GIVEN_NAME:
    case NB_PERSON_FAMILY_NAME:
    case NB_PERSON_COMPANY:
    case NB_PERSON_ROLE:
    case NB_PERSON_INDUSTRY:
    case NB_PERSON_LOCATION:
    case NB_PERSON_MET_DATE:
    case NB_PERSON_MET_WHERE:
    case NB_PERSON_TARGET_MARKET:
    case NB_PERSON_OFFERS:
    case NB_PERSON_INTERESTS:
    case NB_PERSON_WORK_LIKES:
    case NB_PERSON_INDUSTRY_NEWS:
    case NB_PERSON_CAREER_ORIGIN:
    case NB_PERSON_NETWORKS:
    case NB_PERSON_BIRTHDAY:
    default:
      return g_strdup (value);
    }
}

/* ---- indexes ---------------------------------------------------------- */

static void
index_values (GHashTable    *index,
              NbPerson      *person,
              NbPersonField  field)
{
  g_auto(GStrv) values = nb_person_dup_values (person, field);

  for (guint i = 0; values[i] != NULL; i++)
    {
      char *key = fold_value (field, values[i]);

      /* The first person with an address keeps it. */
      if (*key != '\0' && !g_hash_table_contains (index, key))
        g_hash_table_insert (index, key, person);
      else
        g_free (key);
    }
}

static void
index_person (Writer   *w,
              NbPerson *person)
{
  char *name = _nb_import_fold_name (nb_person_get_display_name (person));
  gpointer existing = g_hash_table_lookup (w->by_name, name);

  index_values (w->by_email, person, NB_PERSON_EMAILS);
  index_values (w->by_url, person, NB_PERSON_URLS);

  if (*name == '\0')
    g_free (name);
  else if (existing == NULL)
    g_hash_table_insert (w->by_name, name, person);
  else if (existing != person)
    g_hash_table_insert (w->by_name, name, &ambiguous);
  else
    g_free (name);
}

/* index_values() for the values that @record brought to @person. */
static void
index_record_values (GHashTable     *index,
                     NbPerson       *person,
                     NbImportRecord *record,
                     NbPersonField   field)
{
  g_auto(GStrv) values = NULL;

  if (record->fields[field] == NULL)
    return;

  values = g_strsplit (record->fields[field], "\n", -1);
  for (guint i = 0; values[i] != NULL; i++)
    {
      char *key = fold_value (field, values[i]);

      if (*key != '\0' && !g_hash_table_contains (index, key))
        g_hash_table_insert (index, key, person);
      else
        g_free (key);
    }
}

static NbPerson *
lookup_values (GHashTable     *index,
               NbImportRecord *record,
               NbPersonField   field)
{
  g_auto(GStrv) values = NULL;

  if (record->fields[field] == NULL)
    return NULL;

  values = g_strsplit (record->fields[field], "\n", -1);
  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autofree char *key = fold_value (field, values[i]);
      NbPerson *person = g_hash_table_lookup (index, key);

      if (person != NULL)
        return person;
    }

  return NULL;
}

/* The person @record is, by email, then URL, then a name nobody else
 * has; NULL for someone new. */
static NbPerson *
find_match (Writer         *w,
            NbImportRecord *record)
{
  g_autofree char *name = NULL;
  NbPerson *person;

  person = lookup_values (w->by_email, record, NB_PERSON_EMAILS);
  if (person == NULL)
    person = lookup_values (w->by_url, record, NB_PERSON_URLS);
  if (person != NULL)
    return person;

  name = _nb_import_fold_name (record->name);
  person = g_hash_table_lookup (w->by_name, name);
  return person != (gpointer) &ambiguous ? person : NULL;
}

/* ---- merging ---------------------------------------------------------- */

/* "<field><key>": one set holds a person's emails, phones and URLs. */
static char *
value_key (NbPersonField  field,
           const char    *value)
{
  g_autofree char *folded = fold_value (field, value);
  char prefix[2] = { (char) ('A' + field), '\0' };

  return g_strconcat (prefix, folded, NULL);
}

/* The folded emails, phones and URLs of @person, folded once per import
 * rather than at every record merged into them (value_key()s). */
static GHashTable *
person_values (Writer   *w,
               NbPerson *person)
{
  static const NbPersonField fields[] = { NB_PERSON_EMAILS, NB_PERSON_PHONES, NB_PERSON_URLS };
  GHashTable *keys = g_hash_table_lookup (w->values, person);

  if (keys != NULL)
    return keys;

  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      g_auto(GStrv) values = nb_person_dup_values (person, fields[f]);

      for (guint i = 0; values[i] != NULL; i++)
        g_hash_table_add (keys, value_key (fields[f], values[i]));
    }

  g_hash_table_insert (w->values, person, keys);
  return keys;
}

/* Adds the values of @incoming (one per line) that @person lacks. */
static gboolean
merge_values (Writer        *w,
              NbPerson      *person,
              NbPersonField  field,
              const char    *incoming)
{
  GHashTable *seen = person_values (w, person);
  g_auto(GStrv) lines = g_strsplit (incoming, "\n", -1);
  g_autoptr(GString) merged = g_string_new (nb_person_get_field (person, field));
  gboolean changed = FALSE;

  /* Keep what the user typed exactly, with a line break before more. */
  while (merged->len > 0 && (merged->str[merged->len - 1] == '\n' ||
                             merged->str[merged->len - 1] == ' '))
    g_string_truncate (merged, merged->len - 1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *key = value_key (field, lines[i]);

      /* The key of an empty value is the field's letter alone. */
      if (key[1] == '\0' || g_hash_table_contains (seen, key))
        {
          g_free (key);
          continue;
        }

      g_hash_table_add (seen, key);
      if (merged->len > 0)
        g_string_append_c (merged, '\n');
      g_string_append (merged, lines[i]);
      changed = TRUE;
    }

  if (changed)
    nb_person_set_field (person, field, merged->str);
  return changed;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return FALSE;
    }

  return TRUE;
}

static gboolean
merge_tags (NbPerson       *person,
            NbImportRecord *record)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) tags = NULL;
  gboolean changed = FALSE;

  for (guint i = 0; i < record->tags->len && !changed; i++)
    changed = !nb_person_has_tag (person, g_ptr_array_index (record->tags, i));

  if (!changed)
    return FALSE;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) nb_person_get_tags (person));
  for (guint i = 0; i < record->tags->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (record->tags, i));
  tags = g_strv_builder_end (builder);
  nb_person_set_tags (person, (const char * const *) tags);

  return TRUE;
}

/* Fills what @person lacks from @record; never changes what is there.
 * TRUE if anything changed. */
static gboolean
merge_record (Writer         *w,
              NbPerson       *person,
              NbImportRecord *record)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    {
      NbPersonField field = (NbPersonField) i;
      const char *incoming = record->fields[i];

      if (incoming == NULL || field == NB_PERSON_DISPLAY_NAME)
        continue;

      if (field == NB_PERSON_EMAILS || field == NB_PERSON_PHONES || field == NB_PERSON_URLS)
        {
          changed |= merge_values (w, person, field, incoming);
        }
      else if (is_blank (nb_person_get_field (person, field)))
        {
          nb_person_set_field (person, field, incoming);
          changed = TRUE;
        }
    }

  changed |= merge_tags (person, record);
  return changed;
}

/* Sets the photo only where the notebook has none. People from a list
 * come without their photo: the store is asked, once per person. */
static gboolean
merge_photo (Writer          *w,
             NbPerson        *person,
             NbImportRecord  *record,
             GError         **error)
{
  guint state;

  if (record->photo == NULL || nb_person_get_photo (person) != NULL)
    return TRUE;

  state = GPOINTER_TO_UINT (g_hash_table_lookup (w->photos, person));
  if (state == PHOTO_UNKNOWN)
    {
      g_autoptr(NbPerson) stored = nb_store_get_person (w->store, nb_person_get_id (person), error);

      if (stored == NULL)
        return FALSE;
      state = nb_person_get_photo (stored) != NULL ? PHOTO_STORED : PHOTO_NONE;
      g_hash_table_insert (w->photos, person, GUINT_TO_POINTER (state));
    }

  if (state == PHOTO_NONE)
    nb_person_set_photo (person, record->photo);

  return TRUE;
}

/* ---- entries ---------------------------------------------------------- */

/* A note's text on any date (@date NULL), or on @date: dates are
 * YYYY-MM-DD, so neither separator can be part of one. */
static char *
note_key (const char *date,
          const char *text)
{
  return date == NULL ? g_strconcat ("\x01", text, NULL) : g_strconcat (date, "\x02", text, NULL);
}

static void
remember_note (GHashTable *keys,
               const char *date,
               const char *text)
{
  g_hash_table_add (keys, note_key (NULL, text));
  g_hash_table_add (keys, note_key (date, text));
}

/* The notes of @person_id's timeline, read once: a person merged with
 * a record per connection is not read again for each of them. People
 * the import adds start with none (add_person_notes()). */
static GHashTable *
timeline_notes (Writer   *w,
                gint64    person_id,
                GError  **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  GHashTable *keys = g_hash_table_lookup (w->notes, &person_id);

  if (keys != NULL)
    return keys;

  entries = nb_store_list_entries (w->store, person_id, error);
  if (entries == NULL)
    return NULL;

  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      NbEntry *entry = g_ptr_array_index (entries, i);

      if (nb_entry_get_kind (entry) == NB_ENTRY_NOTE)
        remember_note (keys, nb_entry_get_date (entry), nb_entry_get_text (entry));
    }

  g_hash_table_insert (w->notes, g_memdup2 (&person_id, sizeof person_id), keys);
  return keys;
}

static void
add_person_notes (Writer *w,
                  gint64  person_id)
{
  g_hash_table_insert (w->notes, g_memdup2 (&person_id, sizeof person_id),
                       g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL));
}

/* Queues a note for the end of the import (_nb_store_add_entries()),
 * unless @check_timeline and the timeline has it. */
static gboolean
add_note (Writer      *w,
          gint64       person_id,
          const char  *date,
          const char  *text,
          gboolean     check_timeline,
          GError     **error)
{
  g_autofree char *key = note_key (date, text);
  GHashTable *keys = timeline_notes (w, person_id, error);
  NbEntry *entry;

  if (keys == NULL)
    return FALSE;
  if (check_timeline && g_hash_table_contains (keys, key))
    return TRUE;

  entry = nb_entry_new (NB_ENTRY_NOTE, person_id, date, text);
  remember_note (keys, nb_entry_get_date (entry), text);
  g_ptr_array_add (w->new_notes, entry);
  return TRUE;
}

/* The note and the LinkedIn connection of @record. @merged: the person
 * was there before this record, so the timeline may have them. */
static gboolean
add_entries (Writer          *w,
             NbPerson        *person,
             NbImportRecord  *record,
             gboolean         merged,
             const char      *met_before,
             GError         **error)
{
  gint64 id = nb_person_get_id (person);

  if (record->note != NULL && !add_note (w, id, NULL, record->note, merged, error))
    return FALSE;

  if (record->connected_on != NULL)
    {
      /* A met date that is the connection date: this connection was
       * imported before. Another one was typed: look. */
      if (merged && g_str_equal (met_before, record->connected_on))
        return TRUE;

      if (!add_note (w, id, record->connected_on, _("Connected on LinkedIn"),
                     merged && *met_before != '\0', error))
        return FALSE;
    }

  return TRUE;
}

/* ---- writing ---------------------------------------------------------- */

static NbPerson *
person_from_record (NbImportRecord *record)
{
  NbPerson *person = nb_person_new (NULL);
  const char *values[NB_PERSON_N_FIELDS];

  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    values[i] = record->fields[i];
  values[NB_PERSON_DISPLAY_NAME] = record->name;
  nb_person_set_fields (person, values);

  g_ptr_array_add (record->tags, NULL);
  nb_person_set_tags (person, (const char * const *) record->tags->pdata);
  g_ptr_array_remove_index (record->tags, record->tags->len - 1);

  if (record->photo != NULL)
    nb_person_set_photo (person, record->photo);

  return person;
}

static gboolean
write_record (Writer          *w,
              NbImportRecord  *record,
              GError         **error)
{
  NbPerson *match = find_match (w, record);

  if (match == NULL)
    {
      g_autoptr(NbPerson) person = person_from_record (record);

      if (nb_store_add_person (w->store, person, error) == 0)
        return FALSE;
      add_person_notes (w, nb_person_get_id (person));
      if (!add_entries (w, person, record, FALSE, "", error))
        return FALSE;

      index_person (w, person);
      if (record->photo == NULL)
        g_hash_table_insert (w->photos, person, GUINT_TO_POINTER (PHOTO_NONE));
      g_ptr_array_add (w->people, g_steal_pointer (&person));
      w->report->added++;
    }
  else
    {
      g_autofree char *met_before = g_strdup (nb_person_get_field (match, NB_PERSON_MET_DATE));
      gboolean changed = merge_record (w, match, record);
      GBytes *photo_before = nb_person_get_photo (match);

      if (!merge_photo (w, match, record, error))
        return FALSE;
      changed |= nb_person_get_photo (match) != photo_before;

      if (!add_entries (w, match, record, TRUE, met_before, error))
        return FALSE;

      if (changed && g_hash_table_add (w->merged_set, match))
        g_ptr_array_add (w->merged, match);

      /* Only the record's values can be new to the indexes. */
      if (changed)
        {
          index_record_values (w->by_email, match, record, NB_PERSON_EMAILS);
          index_record_values (w->by_url, match, record, NB_PERSON_URLS);
        }
      w->report->merged++;
    }

  if (record->warning != NULL)
    nb_import_report_add_warning (w->report, record->place, record->number,
                                  record->name, record->warning);
  return TRUE;
}

static gboolean
write_all (NbStore   *store,
           gpointer   user_data,
           GError   **error)
{
  Writer *w = user_data;
  guint n = w->records->len;

  w->people = _nb_store_list_cards (store, error);
  if (w->people == NULL)
    return FALSE;

  for (guint i = 0; i < w->people->len; i++)
    index_person (w, g_ptr_array_index (w->people, i));

  for (guint i = 0; i < n; i++)
    {
      NbImportRecord *record = g_ptr_array_index (w->records, i);

      if (i % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (w->cancellable, error))
            return FALSE;
          _nb_import_report_progress (w->progress, w->progress_data, (double) i / n,
                                      _("Saving %'u of %'u…"), i + 1, n);
        }

      if (record->skip_reason != NULL)
        {
          nb_import_report_add_skip (w->report, record->place, record->number,
                                     record->name, record->skip_reason);
          continue;
        }

      if (!write_record (w, record, error))
        return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (w->cancellable, error))
    return FALSE;

  for (guint i = 0; i < w->merged->len; i++)
    {
      if (!nb_store_update_person (store, g_ptr_array_index (w->merged, i), error))
        return FALSE;
    }

  if (!_nb_store_add_entries (store, w->new_notes, error))
    return FALSE;

  /* Cancelled during the last stretch: still nothing is written. */
  return !g_cancellable_set_error_if_cancelled (w->cancellable, error);
}

gboolean
_nb_import_write (NbStore               *store,
                  GPtrArray             *records,
                  NbImportReport        *report,
                  NbImportProgressFunc   progress,
                  gpointer               progress_data,
                  GCancellable          *cancellable,
                  GError               **error)
{
  g_autoptr(NbImportReport) scratch = nb_import_report_new ();
  Writer w = { 0, };
  gboolean ok;

  g_return_val_if_fail (NB_IS_STORE (store), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  w.store = store;
  w.records = records;
  w.report = scratch;
  w.progress = progress;
  w.progress_data = progress_data;
  w.cancellable = cancellable;
  w.by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w.by_url = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w.by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w.photos = g_hash_table_new (NULL, NULL);
  w.notes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                   (GDestroyNotify) g_hash_table_unref);
  w.new_notes = g_ptr_array_new_with_free_func (g_object_unref);
  w.merged = g_ptr_array_new ();
  w.merged_set = g_hash_table_new (NULL, NULL);
  w.values = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);

  ok = nb_store_transaction (store, write_all, &w, error);

  g_clear_pointer (&w.people, g_ptr_array_unref);
  g_hash_table_unref (w.by_email);
  g_hash_table_unref (w.by_url);
  g_hash_table_unref (w.by_name);
  g_hash_table_unref (w.photos);
  g_hash_table_unref (w.notes);
  g_ptr_array_unref (w.new_notes);
  g_ptr_array_unref (w.merged);
  g_hash_table_unref (w.merged_set);
  g_hash_table_unref (w.values);

  if (!ok)
    return FALSE;

  report->added += scratch->added;
  report->merged += scratch->merged;
  report->skipped += scratch->skipped;
  g_ptr_array_extend_and_steal (report->issues, g_steal_pointer (&scratch->issues));
  scratch->issues = g_ptr_array_new ();
  return TRUE;
}
