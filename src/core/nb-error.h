/* nb-error.h: the store's error domain.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NB_STORE_ERROR (nb_store_error_quark ())

typedef enum {
  NB_STORE_ERROR_FAILED,        /* anything else SQLite reports */
  NB_STORE_ERROR_NOT_DATABASE,  /* not a SQLite file, zero length, text… */
  NB_STORE_ERROR_CORRUPT,       /* truncated, fails quick_check */
  NB_STORE_ERROR_TOO_NEW,       /* written by a newer Netbook */
  NB_STORE_ERROR_FOREIGN,       /* a SQLite database that is not Netbook's */
  NB_STORE_ERROR_IO,            /* read/write/sync failed */
  NB_STORE_ERROR_FULL,          /* disk full */
  NB_STORE_ERROR_READ_ONLY,     /* database or its folder not writable */
  NB_STORE_ERROR_BUSY,          /* another process held the lock too long */
  NB_STORE_ERROR_NOT_FOUND,     /* no such person / entry / event */
  NB_STORE_ERROR_INVALID,       /* refused input: empty name, bad date… */
  NB_STORE_ERROR_AMBIGUOUS,     /* a name that matches several people */
} NbStoreError;

GQuark nb_store_error_quark (void);

G_END_DECLS
