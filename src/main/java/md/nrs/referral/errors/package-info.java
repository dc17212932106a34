/**
 * Client mistakes answered as client mistakes (issue 13 items 6 and 7): one classification of engine
 * exceptions for every Jersey application of the engine API (/engine-rest and the webapps' copy), one
 * advice for the platform's /api, one writer of RFC 9457 problem details ({@link md.nrs.referral.errors.Problems})
 * for all of them and the filters in front of the engine APIs (issue 14 item 3). Answers and logs name the field
 * and the problem, never the value sent.
 */
package md.nrs.referral.errors;
