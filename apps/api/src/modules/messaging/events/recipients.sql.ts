/**
 * SQL shared by the event writer and the reach preview, so "who will receive this, and how" is answered
 * the same way before and after an event.
 */

/**
 * The mainland mobile number in a 手机 field as written (+86, spaces, dashes), as its 11 digits; null when
 * the field holds something else (a landline). Both platforms find people by it.
 */
export const MOBILE_OF = (phone: string) =>
  `(SELECT d FROM (SELECT regexp_replace(regexp_replace(coalesce(${phone}, ''), '[\\s()-]', '', 'g'), '^\\+?86(?=1)', '') AS d) m WHERE d ~ '^1[3-9][0-9]{9}$')`;

/** People an event of audience `$audience` about unit `$unit` reaches (u = app_user). */
export const AUDIENCE_MATCH = (unit: string, audience: string) => `u.active AND (
     (u.unit_id = ${unit} AND u.role = 'UNIT_LIAISON' AND ${audience} IN ('UNIT', 'UNIT_AND_LEADER', 'EVERYONE'))
  OR (u.unit_id = ${unit} AND u.role = 'UNIT_LEADER' AND ${audience} IN ('UNIT_AND_LEADER', 'UNIT_LEADER', 'EVERYONE'))
  OR (u.role IN ('OFFICE_ADMIN', 'OFFICE_STAFF') AND ${audience} IN ('OFFICE', 'EVERYONE')))`;

/**
 * The channels a person `u` gets a kind on, as a subquery of rows (channel) to join LATERAL: their own choice for the kind, else the
 * office default (mc = message_config), else the product default (`$defaults`, jsonb) — then only the
 * channels that can reach them (e-mail on and an address; the office's app set up and an id or mobile).
 * Needs p = notification_preference and mc joined (LEFT JOIN).
 */
export const CHANNELS_OF = (kind: string, defaults: string, smtpEnabled: string) => `(
    SELECT ch AS channel FROM jsonb_array_elements_text(
      COALESCE(p.channels -> ${kind}, mc.default_channels -> ${kind}, ${defaults}::jsonb -> ${kind}, '[]'::jsonb)) AS ch
     WHERE (ch = 'EMAIL' AND ${smtpEnabled} AND coalesce(u.email, '') <> '')
        OR (ch = 'WECOM' AND mc.wecom_corp_id IS NOT NULL AND coalesce(u.wecom_userid, ${MOBILE_OF('u.phone')}) IS NOT NULL)
        OR (ch = 'DINGTALK' AND mc.dingtalk_app_key IS NOT NULL AND coalesce(u.dingtalk_userid, ${MOBILE_OF('u.phone')}) IS NOT NULL))`;
