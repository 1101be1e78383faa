/** The site families a page is recognised as when no site adapter was chosen (its address, then its markup). */
import type { SiteExtractor } from './common.js';
import { amazonSite } from './amazon.js';
import { bookingSite } from './booking.js';
import { googleMapsSite } from './google-maps.js';
import { tripadvisorSite } from './tripadvisor.js';
import { trustpilotSite } from './trustpilot.js';
import { yelpSite } from './yelp.js';

export const SITES: readonly SiteExtractor[] = [trustpilotSite, googleMapsSite, tripadvisorSite, bookingSite, yelpSite, amazonSite];
