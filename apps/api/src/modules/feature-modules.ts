/** The feature modules the app is made of; one folder each under modules/. */
export const featureModules = [];
