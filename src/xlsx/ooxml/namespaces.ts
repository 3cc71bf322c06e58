/** Namespaces, relationship types and content types of the package parts this writer makes. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const NS_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const NS_X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
export const NS_XM = "http://schemas.microsoft.com/office/excel/2006/main";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_OFFICE_DOCUMENT = `${REL}/officeDocument`;
export const REL_EXTENDED_PROPERTIES = `${REL}/extended-properties`;
export const REL_CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
export const REL_WORKSHEET = `${REL}/worksheet`;
export const REL_STYLES = `${REL}/styles`;
export const REL_THEME = `${REL}/theme`;
export const REL_SHARED_STRINGS = `${REL}/sharedStrings`;
export const REL_TABLE = `${REL}/table`;
export const REL_DRAWING = `${REL}/drawing`;
export const REL_CHART = `${REL}/chart`;

const CT = "application/vnd.openxmlformats-officedocument";
export const CT_RELATIONSHIPS = "application/vnd.openxmlformats-package.relationships+xml";
export const CT_CORE_PROPERTIES = "application/vnd.openxmlformats-package.core-properties+xml";
export const CT_EXTENDED_PROPERTIES = `${CT}.extended-properties+xml`;
export const CT_WORKBOOK = `${CT}.spreadsheetml.sheet.main+xml`;
export const CT_WORKSHEET = `${CT}.spreadsheetml.worksheet+xml`;
export const CT_STYLES = `${CT}.spreadsheetml.styles+xml`;
export const CT_SHARED_STRINGS = `${CT}.spreadsheetml.sharedStrings+xml`;
export const CT_TABLE = `${CT}.spreadsheetml.table+xml`;
export const CT_THEME = `${CT}.theme+xml`;
export const CT_DRAWING = `${CT}.drawing+xml`;
export const CT_CHART = `${CT}.drawingml.chart+xml`;
