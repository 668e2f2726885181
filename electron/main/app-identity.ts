/**
 * Who the app is to the operating system. The same values are in electron-builder.yml
 * (appId, productName) and package.json (productName, desktopName);
 * test/packaging/electron-builder-config.test.ts keeps them equal.
 */
export const APP_ID = 'com.casedesk.desktop';
/** Names the user-data folder (~/.config/Casedesk, %APPDATA%\Casedesk). */
export const PRODUCT_NAME = 'Casedesk';
