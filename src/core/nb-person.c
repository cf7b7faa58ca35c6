/* nb-person.c: a contact card.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-enum-types.h"
#include "nb-person.h"

/* A card's non-empty fields, packed: a bit per field that has text,
 * where each such field's text starts, then the texts one after the
 * other. Most cards leave most fields empty, and a list holds every
 * card: at 10,000 people one block each instead of a pointer per field
 * and an allocation per text is about 2 MiB less (docs/performance.md).
 * Setting a field makes a new block: like a GObject string property,
 * what nb_person_get_field() returned lasts until the card changes. */
typedef struct
{
  guint32 present;
  guint32 offsets[];  /* one per bit of @present; the texts follow */
} FieldBlock;

G_STATIC_ASSERT (NB_PERSON_N_FIELDS <= 32);

struct _NbPerson
{
  GObject   parent_instance;

  gint64    id;
  /* The non-empty fields in one block (NULL: all empty). */
  FieldBlock *fields;
  /* Interned (g_intern_string()): a notebook has few tags and many
   * people who share them. */
  const char **tags;
  guint     cadence_days;
  guint     rapport;
  gboolean  archived;
  gint64    introduced_by;
  gint64    created;
  gint64    updated;
  /* Loaded only for one person's page: see nb_person_get_photo_known(). */
  GBytes   *photo;
  gboolean  photo_known;

  /* Summary filled in by the store for lists. */
  char     *last_contact;
  guint     due_followups;
  NbStage   stage;
  guint     trust_score;
};

G_DEFINE_FINAL_TYPE (NbPerson, nb_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DISPLAY_NAME,
  PROP_COMPANY,
  PROP_ROLE,
  PROP_SUBTITLE,
  PROP_TAGS,
  PROP_ARCHIVED,
  PROP_CADENCE_DAYS,
  PROP_RAPPORT,
  PROP_INTRODUCED_BY,
  PROP_PHOTO,
  PROP_LAST_CONTACT,
  PROP_DUE_FOLLOWUPS,
  PROP_STAGE,
  PROP_TRUST_SCORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  const char *key;
  const char *label;
  gboolean    multiline;
} NbPersonFieldInfo;

/* The keys are database columns and CLI/JSON keys: never rename them. */
static const NbPersonFieldInfo field_info[NB_PERSON_N_FIELDS] = {
  [NB_PERSON_DISPLAY_NAME]  = { "display_name",  N_("Name"),                   FALSE },
  [NB_PERSON_GIVEN_NAME]    = { "given_name",    N_("Given name"),             FALSE },
  [NB_PERSON_FAMILY_NAME]   = { "family_name",   N_("Family name"),            FALSE },
  [NB_PERSON_COMPANY]       = { "company",       N_("Company"),                FALSE },
  [NB_PERSON_ROLE]          = { "role",          N_("Role"),                   FALSE },
  [NB_PERSON_INDUSTRY]      = { "industry",      N_("Industry"),               FALSE },
  [NB_PERSON_LOCATION]      = { "location",      N_("Location"),               FALSE },
  [NB_PERSON_EMAILS]        = { "emails",        N_("Emails"),                 TRUE },
  [NB_PERSON_PHONES]        = { "phones",        N_("Phones"),                 TRUE },
  [NB_PERSON_URLS]          = { "urls",          N_("Websites"),               TRUE },
  [NB_PERSON_MET_DATE]      = { "met_date",      N_("Met on"),                 FALSE },
  [NB_PERSON_MET_WHERE]     = { "met_where",     N_("How we met"),             FALSE },
  [NB_PERSON_TARGET_MARKET] = { "target_market", N_("Ideal referral"),         FALSE },
  [NB_PERSON_OFFERS]        = { "offers",        N_("Offers"),                 FALSE },
  [NB_PERSON_INTERESTS]     = { "interests",     N_("Interests"),              FALSE },
  [NB_PERSON_WORK_LIKES]    = { "work_likes",    N_("Likes most about their work"), FALSE },
  [NB_PERSON_INDUSTRY_NEWS] = { "industry_news", N_("New in their industry"),  FALSE },
  [NB_PERSON_CAREER_ORIGIN] = { "career_origin", N_("How they got started"),   FALSE },
  [NB_PERSON_NETWORKS]      = { "networks",      N_("Networks"),               FALSE },
  [NB_PERSON_BIRTHDAY]      = { "birthday",      N_("Birthday"),               FALSE },
};

static const char * const empty_strv[] = { NULL };

static gboolean
field_is_valid (NbPersonField field)
{
  return (int) field >= 0 && field < NB_PERSON_N_FIELDS;
}

static guint
count_bits (guint32 bits)
{
  guint n = 0;

  for (; bits != 0; bits &= bits - 1)
    n++;
  return n;
}

static const char *
field_block_get (const FieldBlock *block,
                 NbPersonField     field)
{
  guint32 bit = 1u << field;
  const char *texts;

  if (block == NULL || (block->present & bit) == 0)
    return "";

  texts = (const char *) &block->offsets[count_bits (block->present)];
  return texts + block->offsets[count_bits (block->present & (bit - 1))];
}

/* A block of @values (NULL or "" for an empty field); NULL if all are
 * empty. @values may point into an older block. */
static FieldBlock *
field_block_new (const char * const values[NB_PERSON_N_FIELDS])
{
  gsize lengths[NB_PERSON_N_FIELDS];
  guint32 present = 0;
  guint n = 0;
  gsize text_size = 0;
  FieldBlock *block;
  char *texts;

  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    {
      if (values[i] == NULL || values[i][0] == '\0')
        continue;
      lengths[i] = strlen (values[i]) + 1;
      present |= 1u << i;
      text_size += lengths[i];
      n++;
    }
  if (present == 0)
    return NULL;

  /* SQLite's longest text is 1e9 bytes: a card's texts fit 32 bits. */
  g_assert (text_size <= G_MAXUINT32);
  block = g_malloc (sizeof (FieldBlock) + n * sizeof (guint32) + text_size);
  block->present = present;
  texts = (char *) &block->offsets[n];
  text_size = 0;
  n = 0;
  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    {
      if ((present & (1u << i)) == 0)
        continue;
      block->offsets[n++] = (guint32) text_size;
      memcpy (texts + text_size, values[i], lengths[i]);
      text_size += lengths[i];
    }

  return block;
}

static const char *
field_or_empty (NbPerson      *self,
                NbPersonField  field)
{
  return field_block_get (self->fields, field);
}

/* The accents that NFD splits off a letter. */
static gboolean
is_mark (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_NON_SPACING_MARK ||
         type == G_UNICODE_SPACING_MARK ||
         type == G_UNICODE_ENCLOSING_MARK;
}

/* Appends the first letter of @word, uppercased, if it has one. Words
 * made only of punctuation ("&", "—") give no initial. */
static gboolean
append_initial (GString    *str,
                const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        {
          g_string_append_unichar (str, g_unichar_toupper (c));
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
word_has_letter (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted, without blanks or repeats, interned; NULL-terminated. */
static const char **
normalize_tags (const char * const *tags)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *tag = g_strstrip (g_strdup (tags[i]));

      if (*tag != '\0')
        g_ptr_array_add (sorted, (gpointer) g_intern_string (tag));
    }

  g_ptr_array_sort (sorted, compare_strings);

  for (guint i = 1; i < sorted->len; )
    {
      if (g_str_equal (g_ptr_array_index (sorted, i - 1), g_ptr_array_index (sorted, i)))
        g_ptr_array_remove_index (sorted, i);
      else
        i++;
    }

  g_ptr_array_add (sorted, NULL);

  return (const char **) g_ptr_array_free (g_steal_pointer (&sorted), FALSE);
}

static GParamSpec *
field_pspec (NbPersonField field)
{
  switch (field)
    {
    case NB_PERSON_DISPLAY_NAME:
      return properties[PROP_DISPLAY_NAME];
    case NB_PERSON_COMPANY:
      return properties[PROP_COMPANY];
    case NB_PERSON_ROLE:
      return properties[PROP_ROLE];

    case NB_PERSON_GIVEN_NAME:
    case NB_PERSON_FAMILY_NAME:
    case NB_PERSON_INDUSTRY:
    case NB_PERSON_LOCATION:
    case NB_PERSON_EMAILS:
    case NB_PERSON_PHONES:
    case NB_PERSON_URLS:
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
      return NULL;
    }
}

static void
nb_person_finalize (GObject *object)
{
  NbPerson *self = (NbPerson *) object;

  g_clear_pointer (&self->fields, g_free);
  g_clear_pointer (&self->tags, g_free);
  g_clear_pointer (&self->last_contact, g_free);
  g_clear_pointer (&self->photo, g_bytes_unref);

  G_OBJECT_CLASS (nb_person_parent_class)->finalize (object);
}

static void
nb_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  NbPerson *self = NB_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, nb_person_get_display_name (self));
      break;

    case PROP_COMPANY:
      g_value_set_string (value, nb_person_get_company (self));
      break;

    case PROP_ROLE:
      g_value_set_string (value, nb_person_get_role (self));
      break;

    case PROP_SUBTITLE:
      g_value_take_string (value, nb_person_dup_subtitle (self));
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, nb_person_get_tags (self));
      break;

    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;

    case PROP_CADENCE_DAYS:
      g_value_set_uint (value, self->cadence_days);
      break;

    case PROP_RAPPORT:
      g_value_set_uint (value, self->rapport);
      break;

    case PROP_INTRODUCED_BY:
      g_value_set_int64 (value, self->introduced_by);
      break;

    case PROP_PHOTO:
      g_value_set_boxed (value, self->photo);
      break;

    case PROP_LAST_CONTACT:
      g_value_set_string (value, nb_person_get_last_contact (self));
      break;

    case PROP_DUE_FOLLOWUPS:
      g_value_set_uint (value, self->due_followups);
      break;

    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;

    case PROP_TRUST_SCORE:
      g_value_set_uint (value, self->trust_score);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_person_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  NbPerson *self = NB_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      nb_person_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_DISPLAY_NAME:
      nb_person_set_field (self, NB_PERSON_DISPLAY_NAME, g_value_get_string (value));
      break;

    case PROP_COMPANY:
      nb_person_set_field (self, NB_PERSON_COMPANY, g_value_get_string (value));
      break;

    case PROP_ROLE:
      nb_person_set_field (self, NB_PERSON_ROLE, g_value_get_string (value));
      break;

    case PROP_TAGS:
      nb_person_set_tags (self, g_value_get_boxed (value));
      break;

    case PROP_ARCHIVED:
      nb_person_set_archived (self, g_value_get_boolean (value));
      break;

    case PROP_CADENCE_DAYS:
      nb_person_set_cadence_days (self, g_value_get_uint (value));
      break;

    case PROP_RAPPORT:
      nb_person_set_rapport (self, g_value_get_uint (value));
      break;

    case PROP_INTRODUCED_BY:
      nb_person_set_introduced_by (self, g_value_get_int64 (value));
      break;

    case PROP_PHOTO:
      nb_person_set_photo (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_person_class_init (NbPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_person_finalize;
  object_class->get_property = nb_person_get_property;
  object_class->set_property = nb_person_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_COMPANY] =
    g_param_spec_string ("company", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /* "Role · Company", for list rows. */
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL,
                         "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_CADENCE_DAYS] =
    g_param_spec_uint ("cadence-days", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_RAPPORT] =
    g_param_spec_uint ("rapport", NULL, NULL,
                       0, 5, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_INTRODUCED_BY] =
    g_param_spec_int64 ("introduced-by", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /* The avatar's image file, NULL for none or not loaded. */
  properties[PROP_PHOTO] =
    g_param_spec_boxed ("photo", NULL, NULL,
                        G_TYPE_BYTES,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /* The summary properties are read-only: only the store knows them,
   * through nb_person_set_summary(). */
  properties[PROP_LAST_CONTACT] =
    g_param_spec_string ("last-contact", NULL, NULL,
                         "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_DUE_FOLLOWUPS] =
    g_param_spec_uint ("due-followups", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL,
                       NB_TYPE_STAGE,
                       NB_STAGE_VISIBILITY,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_TRUST_SCORE] =
    g_param_spec_uint ("trust-score", NULL, NULL,
                       0, 100, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_person_init (NbPerson *self)
{
  self->stage = NB_STAGE_VISIBILITY;
}

const char *
nb_person_field_get_key (NbPersonField field)
{
  g_return_val_if_fail (field_is_valid (field), NULL);

  return field_info[field].key;
}

const char *
nb_person_field_get_label (NbPersonField field)
{
  g_return_val_if_fail (field_is_valid (field), NULL);

  return _(field_info[field].label);
}

gboolean
nb_person_field_from_key (const char    *key,
                          NbPersonField *out_field)
{
  if (key == NULL)
    return FALSE;

  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    {
      if (g_str_equal (key, field_info[i].key))
        {
          if (out_field != NULL)
            *out_field = (NbPersonField) i;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
nb_person_field_is_multiline (NbPersonField field)
{
  g_return_val_if_fail (field_is_valid (field), FALSE);

  return field_info[field].multiline;
}

NbPerson *
nb_person_new (const char *display_name)
{
  return g_object_new (NB_TYPE_PERSON,
                       "display-name", display_name,
                       NULL);
}

gint64
nb_person_get_id (NbPerson *self)
{
  g_return_val_if_fail (NB_IS_PERSON (self), 0);

  return self->id;
}

void
nb_person_set_id (NbPerson *self,
                  gint64    id)
{
  g_return_if_fail (NB_IS_PERSON (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
nb_person_get_field (NbPerson      *self,
                     NbPersonField  field)
{
  g_return_val_if_fail (NB_IS_PERSON (self), "");
  g_return_val_if_fail (field_is_valid (field), "");

  return field_or_empty (self, field);
}

void
nb_person_set_field (NbPerson      *self,
                     NbPersonField  field,
                     const char    *value)
{
  const char *values[NB_PERSON_N_FIELDS];
  FieldBlock *old;
  GParamSpec *pspec;

  g_return_if_fail (NB_IS_PERSON (self));
  g_return_if_fail (field_is_valid (field));

  if (value == NULL)
    value = "";

  if (g_str_equal (field_or_empty (self, field), value))
    return;

  /* @value may be another field of this card: copy, then free. */
  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    values[i] = field_or_empty (self, (NbPersonField) i);
  values[field] = value;
  old = g_steal_pointer (&self->fields);
  self->fields = field_block_new (values);
  g_free (old);

  pspec = field_pspec (field);
  if (pspec != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);

  if (field == NB_PERSON_COMPANY || field == NB_PERSON_ROLE)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

/**
 * nb_person_set_fields:
 * @values: (array fixed-size=NB_PERSON_N_FIELDS): every field's text,
 *   NULL or "" for an empty one
 *
 * Sets every field at once: what a card read from the store does, one
 * allocation instead of one per field set.
 */
void
nb_person_set_fields (NbPerson          *self,
                      const char * const values[NB_PERSON_N_FIELDS])
{
  guint32 changed = 0;
  FieldBlock *old;

  g_return_if_fail (NB_IS_PERSON (self));
  g_return_if_fail (values != NULL);

  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    if (!g_str_equal (field_or_empty (self, (NbPersonField) i), values[i] != NULL ? values[i] : ""))
      changed |= 1u << i;
  if (changed == 0)
    return;

  old = g_steal_pointer (&self->fields);
  self->fields = field_block_new (values);
  g_free (old);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < NB_PERSON_N_FIELDS; i++)
    {
      GParamSpec *pspec = field_pspec ((NbPersonField) i);

      if ((changed & (1u << i)) != 0 && pspec != NULL)
        g_object_notify_by_pspec (G_OBJECT (self), pspec);
    }
  if ((changed & ((1u << NB_PERSON_COMPANY) | (1u << NB_PERSON_ROLE))) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
nb_person_get_display_name (NbPerson *self)
{
  return nb_person_get_field (self, NB_PERSON_DISPLAY_NAME);
}

const char *
nb_person_get_company (NbPerson *self)
{
  return nb_person_get_field (self, NB_PERSON_COMPANY);
}

const char *
nb_person_get_role (NbPerson *self)
{
  return nb_person_get_field (self, NB_PERSON_ROLE);
}

char *
nb_person_dup_subtitle (NbPerson *self)
{
  const char *role;
  const char *company;

  g_return_val_if_fail (NB_IS_PERSON (self), NULL);

  role = field_or_empty (self, NB_PERSON_ROLE);
  company = field_or_empty (self, NB_PERSON_COMPANY);

  if (*role != '\0' && *company != '\0')
    /* Translators: a person's subtitle, "Role · Company" */
    return g_strdup_printf (_("%s · %s"), role, company);

  return g_strdup (*role != '\0' ? role : company);
}

char *
nb_person_dup_initials (NbPerson *self)
{
  g_autofree char *name = NULL;
  g_auto(GStrv) words = NULL;
  GString *initials;
  int first = -1;
  int last = -1;

  g_return_val_if_fail (NB_IS_PERSON (self), NULL);

  /* NFC so that an "É" typed as E + combining accent stays one letter. */
  name = g_utf8_normalize (field_or_empty (self, NB_PERSON_DISPLAY_NAME), -1, G_NORMALIZE_NFC);
  if (name == NULL)
    return g_strdup ("");

  words = g_strsplit_set (name, " \t\n\r", -1);

  for (int i = 0; words[i] != NULL; i++)
    {
      if (!word_has_letter (words[i]))
        continue;
      if (first < 0)
        first = i;
      last = i;
    }

  initials = g_string_new (NULL);

  if (first >= 0)
    append_initial (initials, words[first]);
  if (last > first)
    append_initial (initials, words[last]);

  return g_string_free (initials, FALSE);
}

char *
nb_person_fold_text (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *result;

  g_return_val_if_fail (text != NULL, NULL);

  /* Casefold first: it may produce decomposable characters of its own. */
  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");

  result = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_mark (c))
        g_string_append_unichar (result, c);
    }

  return g_string_free (result, FALSE);
}

char *
nb_person_dup_sort_key (NbPerson *self)
{
  const char *family;
  const char *given;
  g_autofree char *name = NULL;

  g_return_val_if_fail (NB_IS_PERSON (self), NULL);

  family = field_or_empty (self, NB_PERSON_FAMILY_NAME);
  given = field_or_empty (self, NB_PERSON_GIVEN_NAME);

  if (*family != '\0' && *given != '\0')
    name = g_strconcat (family, " ", given, NULL);
  else if (*family != '\0')
    name = g_strdup (family);
  else if (*given != '\0')
    name = g_strdup (given);
  else
    name = g_strdup (field_or_empty (self, NB_PERSON_DISPLAY_NAME));

  return nb_person_fold_text (g_strstrip (name));
}

GStrv
nb_person_dup_values (NbPerson      *self,
                      NbPersonField  field)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (NB_IS_PERSON (self), NULL);
  g_return_val_if_fail (field_is_valid (field), NULL);

  lines = g_strsplit (field_or_empty (self, field), "\n", -1);
  builder = g_strv_builder_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }

  return g_strv_builder_end (builder);
}

const char * const *
nb_person_get_tags (NbPerson *self)
{
  g_return_val_if_fail (NB_IS_PERSON (self), empty_strv);

  return self->tags != NULL ? (const char * const *) self->tags : empty_strv;
}

void
nb_person_set_tags (NbPerson           *self,
                    const char * const *tags)
{
  g_autofree const char **normalized = NULL;

  g_return_if_fail (NB_IS_PERSON (self));

  normalized = normalize_tags (tags);

  if (g_strv_equal (normalized, nb_person_get_tags (self)))
    return;

  g_free (self->tags);
  self->tags = g_steal_pointer (&normalized);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

gboolean
nb_person_has_tag (NbPerson   *self,
                   const char *tag)
{
  g_return_val_if_fail (NB_IS_PERSON (self), FALSE);
  g_return_val_if_fail (tag != NULL, FALSE);

  return self->tags != NULL && g_strv_contains ((const char * const *) self->tags, tag);
}

guint
nb_person_get_cadence_days (NbPerson *self)
{
  g_return_val_if_fail (NB_IS_PERSON (self), 0);

  return self->cadence_days;
}

void
nb_person_set_cadence_days (NbPerson *self,
                            guint     days)
{
  g_return_if_fail (NB_IS_PERSON (self));

  if (self->cadence_days == days)
    return;

  self->cadence_days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CADENCE_DAYS]);
}

guint
nb_person_get_rapport (NbPerson *self)
{
  g_return_val_if_fail (NB_IS_PERSON (self), 0);

  return self->rapport;
}

void
nb_person_set_rapport (NbPerson *self,
                       guint     rapport)
{
  g_return_if_fail (NB_IS_PERSON (self));
  g_return_if_fail (rapport <= 5);

  if (self->rapport == rapport)
    return;

  self->rapport = rapport;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RAPPORT]);
}

gboolean
nb_person_get_archived (NbPerson *self)
{
  g_return_val_if_fail (NB_IS_PERSON (self), FALSE);

  return self->archived;
}

void
nb_person_set_archived (NbPerson *self,
                        gboolean  archived)
{
  g_return_if_fail (NB_IS_PERSON (self));

  archived = !!archived;
  if (self->archived == archived)
    return;

  self->archived = archived;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
}

gint64
nb_person_get_introduced_by (NbPerson *self)
{
  g_return_val_if_fail (NB_IS_PERSON (self), 0);

  return self->introduced_by;
}

void
nb_person_set_introduced_by (NbPerson *self,
                             gint64    person_id)
{
  g_return_if_fail (NB_IS_PERSON (self));
  g_return_if_fail (person_id >= 0);

  if (self->introduced_by == person_id)
    return;

  self->introduced_by = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTRODUCED_BY]);
}

gint64
nb_person_get_created (NbPerson *self)
{
  g_return_val_if_fail (NB_IS_PERSON (self), 0);

  return self->created;
}

gint64
nb_person_get_updated (NbPerson *self)
{
  g_return_val_if_fail (NB_IS_PERSON (self), 0);

  return self->updated;
}

void
nb_person_set_timestamps (NbPerson *self,
                          gint64    created,
                          gint64    updated)
{
  g_return_if_fail (NB_IS_PERSON (self));

  self->created = created;
  self->updated = updated;
}

const char *
nb_person_get_last_contact (NbPerson *self)
{
  g_return_val_if_fail (NB_IS_PERSON (self), "");

  return self->last_contact != NULL ? self->last_contact : "";
}

guint
nb_person_get_due_followups (NbPerson *self)
{
  g_return_val_if_fail (NB_IS_PERSON (self), 0);

  return self->due_followups;
}

NbStage
nb_person_get_stage (NbPerson *self)
{
  g_return_val_if_fail (NB_IS_PERSON (self), NB_STAGE_VISIBILITY);

  return self->stage;
}

guint
nb_person_get_trust_score (NbPerson *self)
{
  g_return_val_if_fail (NB_IS_PERSON (self), 0);

  return self->trust_score;
}

void
nb_person_set_summary (NbPerson   *self,
                       const char *last_contact,
                       guint       due_followups,
                       NbStage     stage,
                       guint       trust_score)
{
  GObject *object = (GObject *) self;

  g_return_if_fail (NB_IS_PERSON (self));

  if (last_contact == NULL)
    last_contact = "";
  trust_score = MIN (trust_score, 100);

  g_object_freeze_notify (object);

  if (!g_str_equal (last_contact, nb_person_get_last_contact (self)))
    {
      g_free (self->last_contact);
      self->last_contact = g_strdup (last_contact);
      g_object_notify_by_pspec (object, properties[PROP_LAST_CONTACT]);
    }

  if (self->due_followups != due_followups)
    {
      self->due_followups = due_followups;
      g_object_notify_by_pspec (object, properties[PROP_DUE_FOLLOWUPS]);
    }

  if (self->stage != stage)
    {
      self->stage = stage;
      g_object_notify_by_pspec (object, properties[PROP_STAGE]);
    }

  if (self->trust_score != trust_score)
    {
      self->trust_score = trust_score;
      g_object_notify_by_pspec (object, properties[PROP_TRUST_SCORE]);
    }

  g_object_thaw_notify (object);
}

GBytes *
nb_person_get_photo (NbPerson *self)
{
  g_return_val_if_fail (NB_IS_PERSON (self), NULL);

  return self->photo;
}

void
nb_person_set_photo (NbPerson *self,
                     GBytes   *photo)
{
  gboolean changed;

  g_return_if_fail (NB_IS_PERSON (self));

  /* GBytes never change, so a reference is as good as a copy. */
  if (photo != NULL && g_bytes_get_size (photo) == 0)
    photo = NULL;

  self->photo_known = TRUE;

  if (photo == NULL || self->photo == NULL)
    changed = photo != self->photo;
  else
    changed = !g_bytes_equal (photo, self->photo);

  if (!changed)
    return;

  g_clear_pointer (&self->photo, g_bytes_unref);
  self->photo = photo != NULL ? g_bytes_ref (photo) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHOTO]);
}

gboolean
nb_person_get_photo_known (NbPerson *self)
{
  g_return_val_if_fail (NB_IS_PERSON (self), FALSE);

  return self->photo_known;
}

NbPerson *
nb_person_copy (NbPerson *self)
{
  NbPerson *copy;

  g_return_val_if_fail (NB_IS_PERSON (self), NULL);

  copy = g_object_new (NB_TYPE_PERSON, NULL);
  copy->id = self->id;
  if (self->fields != NULL)
    {
      guint n = count_bits (self->fields->present);
      const char *texts = (const char *) &self->fields->offsets[n];
      const char *last = texts + self->fields->offsets[n - 1];

      copy->fields = g_memdup2 (self->fields, (gsize) (last + strlen (last) + 1 - (const char *) self->fields));
    }
  if (self->tags != NULL)
    copy->tags = g_memdup2 (self->tags, (g_strv_length ((GStrv) self->tags) + 1) * sizeof (char *));
  copy->cadence_days = self->cadence_days;
  copy->rapport = self->rapport;
  copy->archived = self->archived;
  copy->introduced_by = self->introduced_by;
  copy->created = self->created;
  copy->updated = self->updated;
  copy->photo = self->photo != NULL ? g_bytes_ref (self->photo) : NULL;
  copy->photo_known = self->photo_known;
  copy->last_contact = g_strdup (self->last_contact);
  copy->due_followups = self->due_followups;
  copy->stage = self->stage;
  copy->trust_score = self->trust_score;

  return copy;
}
