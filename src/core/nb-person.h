/* nb-person.h: a contact card.
 *
 * The card's text fields are addressed by NbPersonField so that one table
 * drives the database columns, the CLI's `show`, exports and the GUI's
 * card editor. Multi-valued fields (emails, phones, urls) hold one value
 * per line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "nb-types.h"

G_BEGIN_DECLS

typedef enum {
  NB_PERSON_DISPLAY_NAME,
  NB_PERSON_GIVEN_NAME,
  NB_PERSON_FAMILY_NAME,
  NB_PERSON_COMPANY,
  NB_PERSON_ROLE,          /* role / profession */
  NB_PERSON_INDUSTRY,
  NB_PERSON_LOCATION,
  NB_PERSON_EMAILS,        /* one per line */
  NB_PERSON_PHONES,        /* one per line */
  NB_PERSON_URLS,          /* websites and profile URLs, one per line */
  NB_PERSON_MET_DATE,      /* YYYY-MM-DD or "" */
  NB_PERSON_MET_WHERE,     /* how and where we met: event, place */
  NB_PERSON_TARGET_MARKET, /* their target market / ideal referral */
  NB_PERSON_OFFERS,        /* what they offer (skills, services) */
  NB_PERSON_INTERESTS,     /* personal interests and common ground */
  NB_PERSON_WORK_LIKES,    /* interview: what they like most about their work */
  NB_PERSON_INDUSTRY_NEWS, /* interview: what's new in their industry */
  NB_PERSON_CAREER_ORIGIN, /* interview: how they got into their profession */
  NB_PERSON_NETWORKS,      /* GAINS: groups they belong to, who they know */
  NB_PERSON_BIRTHDAY,      /* YYYY-MM-DD or "" */
} NbPersonField;

#define NB_PERSON_N_FIELDS (NB_PERSON_BIRTHDAY + 1)

#define NB_TYPE_PERSON (nb_person_get_type ())
G_DECLARE_FINAL_TYPE (NbPerson, nb_person, NB, PERSON, GObject)

/* Field metadata. The key is the database column and the CLI/JSON key
 * ("display_name", "target_market"…): part of the public interface. */
const char  *nb_person_field_get_key   (NbPersonField  field);
const char  *nb_person_field_get_label (NbPersonField  field);
gboolean     nb_person_field_from_key  (const char    *key,
                                        NbPersonField *out_field);
gboolean     nb_person_field_is_multiline (NbPersonField field);

NbPerson    *nb_person_new              (const char    *display_name);

gint64       nb_person_get_id           (NbPerson      *self);
void         nb_person_set_id           (NbPerson      *self,
                                         gint64         id);

/* Never NULL: unset fields are "". Valid until a field of the card is
 * set. */
const char  *nb_person_get_field        (NbPerson      *self,
                                         NbPersonField  field);
/* Stores a copy; NULL means "". Notifies the matching property when the
 * field has one (display-name, company, role). */
void         nb_person_set_field        (NbPerson      *self,
                                         NbPersonField  field,
                                         const char    *value);
/* Every field at once, from an array of NB_PERSON_N_FIELDS texts
 * (NULL or "" for empty ones); notifies as nb_person_set_field() does. */
void         nb_person_set_fields       (NbPerson          *self,
                                         const char * const values[NB_PERSON_N_FIELDS]);

/* Convenience for the most used fields. */
const char  *nb_person_get_display_name (NbPerson      *self);
const char  *nb_person_get_company      (NbPerson      *self);
const char  *nb_person_get_role         (NbPerson      *self);
/* "Role · Company", "Role", "Company" or "". */
char        *nb_person_dup_subtitle     (NbPerson      *self);
/* Up to two initials, uppercase, for the avatar. */
char        *nb_person_dup_initials     (NbPerson      *self);
/* The name to sort by: family, given, else display name; casefolded and
 * without accents. */
char        *nb_person_dup_sort_key     (NbPerson      *self);
/* @text casefolded and without accents ("Zoë" -> "zoe"): the form sort
 * keys are made of, for matching what a user typed against names. */
char        *nb_person_fold_text        (const char    *text);
/* Values of a one-per-line field, empty lines dropped. */
GStrv        nb_person_dup_values       (NbPerson      *self,
                                         NbPersonField  field);

/* Tags, sorted and unique. Never NULL. */
const char * const *nb_person_get_tags  (NbPerson      *self);
void         nb_person_set_tags         (NbPerson      *self,
                                         const char * const *tags);
gboolean     nb_person_has_tag          (NbPerson      *self,
                                         const char    *tag);

/* Stay-in-touch cadence in days, 0 = none. */
guint        nb_person_get_cadence_days (NbPerson      *self);
void         nb_person_set_cadence_days (NbPerson      *self,
                                         guint          days);
/* Manual rapport rating 1..5, 0 = not rated. One "like" signal among many. */
guint        nb_person_get_rapport      (NbPerson      *self);
void         nb_person_set_rapport      (NbPerson      *self,
                                         guint          rapport);
gboolean     nb_person_get_archived     (NbPerson      *self);
void         nb_person_set_archived     (NbPerson      *self,
                                         gboolean       archived);
/* The person who introduced us, 0 = nobody recorded. */
gint64       nb_person_get_introduced_by (NbPerson     *self);
void         nb_person_set_introduced_by (NbPerson     *self,
                                          gint64        person_id);
/* Seconds since the Unix epoch, set by the store. */
gint64       nb_person_get_created      (NbPerson      *self);
gint64       nb_person_get_updated      (NbPerson      *self);
void         nb_person_set_timestamps   (NbPerson      *self,
                                         gint64         created,
                                         gint64         updated);

/* The avatar: the bytes of an image file (a vCard PHOTO), NULL for none.
 * Photos can be large, so only nb_store_get_person() and
 * nb_store_resolve_person() load them; people from lists, models and
 * search have no photo and an unknown one (nb_person_get_photo_known()
 * is FALSE), and nb_store_update_person() then keeps the stored photo.
 * Setting a photo (NULL removes it; empty bytes are NULL) makes it known,
 * and the next add or update writes it. Transfer none both ways. */
GBytes      *nb_person_get_photo        (NbPerson      *self);
void         nb_person_set_photo        (NbPerson      *self,
                                         GBytes        *photo);
/* TRUE once the photo was set or loaded by the store. */
gboolean     nb_person_get_photo_known  (NbPerson      *self);

/* Summary facts the store fills in when it loads people for a list (not
 * stored in the people table): the date of the last contact (any entry
 * except dreams/challenges/needs counts; "" if none), how many open
 * follow-ups are due today or earlier, and whether the cadence has lapsed. */
const char  *nb_person_get_last_contact (NbPerson      *self);
guint        nb_person_get_due_followups (NbPerson     *self);
NbStage      nb_person_get_stage        (NbPerson      *self);
guint        nb_person_get_trust_score  (NbPerson      *self);
void         nb_person_set_summary      (NbPerson      *self,
                                         const char    *last_contact,
                                         guint          due_followups,
                                         NbStage        stage,
                                         guint          trust_score);

/* A deep copy (same id). */
NbPerson    *nb_person_copy             (NbPerson      *self);

G_END_DECLS
