//! One module per input format; each exposes `detect` and `parse`.

pub(crate) mod hansard;
pub(crate) mod lda_json;
pub(crate) mod lda_text;
pub(crate) mod letter;
pub(crate) mod order_paper;
pub(crate) mod page_util;
pub(crate) mod parallelparliament;
pub(crate) mod parliament_page;
pub(crate) mod qna_xml;
pub(crate) mod twfy_xml;
pub(crate) mod wqapi_json;
pub(crate) mod wqapi_json_stream;
pub(crate) mod xml_doc;
