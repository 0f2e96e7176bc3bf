use super::*;
use crate::core::model::{Leader, LeaderId, Raci, Role};
use crate::core::presets;
use crate::core::workspace::Model;

fn id(s: &str) -> LeaderId {
    LeaderId::new(s)
}

/// Reads `bytes` as a file and imports it with the detected columns.
fn import_bytes(bytes: &[u8]) -> Imported {
    let table = read_bytes(bytes, None).expect("readable");
    Choices::from_args(&table, &[])
        .unwrap()
        .import(&table)
        .expect("importable")
}

fn manager(imported: &Imported, who: &str) -> Option<String> {
    imported.chart.manager_of(&id(who)).map(ToString::to_string)
}

fn messages(imported: &Imported) -> Vec<String> {
    imported.problems.iter().map(ToString::to_string).collect()
}

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    bytes
}

#[test]
fn workday_style_utf8_bom_crlf() {
    let text = "\u{feff}Employee ID,Worker,Business Title,Manager ID,Supervisory Organization,Work Email\r\n\
        1001,Dana Reyes,Chief Executive Officer,,Office of the CEO,dana@example.com\r\n\
        1002,Sam Ito,Chief Information Officer,1001,Technology,sam@example.com\r\n\
        1003,\"Ng, Alex\",\"Vice President, Infrastructure\",1002,Technology,alex@example.com\r\n";
    let got = import_bytes(text.as_bytes());
    assert_eq!(got.chart.len(), 3);
    assert_eq!(got.id_source, IdSource::Column("Employee ID".into()));
    assert_eq!(got.manager_key, Some(ManagerKey::Id));
    assert_eq!(manager(&got, "1003").as_deref(), Some("1002"));
    let alex = got.chart.leader(&id("1003")).unwrap();
    assert_eq!(alex.name, "Ng, Alex");
    assert_eq!(alex.role, Role::Vp);
    assert_eq!(alex.department, "Technology");
    assert_eq!(alex.email, "alex@example.com");
    assert_eq!(got.chart.leader(&id("1001")).unwrap().role, Role::Ceo);
    assert!(got.problems.is_empty(), "{:?}", messages(&got));
    assert_eq!(
        got.summary(),
        "3 rows -> 3 leaders, 1 top-level, managers matched by identifier"
    );
}

#[test]
fn bamboohr_style_names_managers_by_name_and_joins_first_and_last() {
    let text = "Employee #,First Name,Last Name,Job Title,Reports To,Department,Location\n\
        7,Ana,Silva,VP Engineering,Kim Park,Engineering,Lisbon\n\
        3,Kim,Park,CTO,,Technology,Seoul\n\
        9,Leo,Costa,Engineer,ana silva,Engineering,Lisbon\n";
    let got = import_bytes(text.as_bytes());
    assert_eq!(got.manager_key, Some(ManagerKey::Name));
    assert_eq!(manager(&got, "7").as_deref(), Some("3"));
    assert_eq!(
        manager(&got, "9").as_deref(),
        Some("7"),
        "case-insensitive names"
    );
    let kim = got.chart.leader(&id("3")).unwrap();
    assert_eq!((kim.name.as_str(), kim.role), ("Kim Park", Role::Cto));
    assert_eq!(kim.location, "Seoul");
}

#[test]
fn successfactors_style_utf16_tabs_and_no_manager_marker() {
    let text = "USERID\tFIRSTNAME\tLASTNAME\tTITLE\tMANAGER\tDEPARTMENT\r\n\
        ceo1\tRia\tMenon\tChief Executive Officer\tNO_MGR\tBoard\r\n\
        cio1\tTom\tBerg\tChief Digital and Information Officer\tceo1\tIT\r\n\
        sec1\tUla\tKahn\tCISO\tcio1\tIT\r\n";
    let got = import_bytes(&utf16le_with_bom(text));
    assert_eq!(got.chart.len(), 3);
    assert!(got.problems.is_empty(), "{:?}", messages(&got));
    assert_eq!(manager(&got, "ceo1"), None);
    assert_eq!(manager(&got, "sec1").as_deref(), Some("cio1"));
    assert_eq!(got.chart.leader(&id("cio1")).unwrap().role, Role::Cdio);
    assert_eq!(got.chart.leader(&id("sec1")).unwrap().role, Role::Ciso);
}

#[test]
fn personio_style_semicolons_and_managers_by_email() {
    let text = "ID;First name;Last name;Position;Supervisor;Department;Email\n\
        1;Eva;Lind;CEO;;Management;eva@example.com\n\
        2;Max;Roth;Chief Data Officer;EVA@example.com;Data;max@example.com\n";
    let got = import_bytes(text.as_bytes());
    assert_eq!(got.manager_key, Some(ManagerKey::Email));
    assert_eq!(manager(&got, "2").as_deref(), Some("1"));
    assert_eq!(got.chart.leader(&id("2")).unwrap().role, Role::Cdo);
}

#[test]
fn visio_wizard_style_uses_the_name_as_identifier() {
    let text = "Name,Title,Reports_To,Department,Telephone\n\
        Jo Hale,Chief Executive Officer,,Board,100\n\
        Raj Das,Chief Technology Officer,Jo Hale,Technology,101\n";
    let got = import_bytes(text.as_bytes());
    assert_eq!(got.id_source, IdSource::Name);
    assert_eq!(manager(&got, "Raj Das").as_deref(), Some("Jo Hale"));
}

#[test]
fn unique_work_email_is_the_identifier_when_there_is_no_id_column() {
    let text = "Work Email,Full Name,Job Title,Manager (by email)\n\
        b@x.com,Bo,VP Sales,a@x.com\n\
        a@x.com,Al,CEO,a@x.com\n";
    let got = import_bytes(text.as_bytes());
    assert_eq!(got.id_source, IdSource::Email);
    assert_eq!(manager(&got, "b@x.com").as_deref(), Some("a@x.com"));
    assert_eq!(manager(&got, "a@x.com"), None, "own id means top");
    assert!(got.problems.is_empty(), "{:?}", messages(&got));
}

#[test]
fn xlsx_second_sheet_by_name() {
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().set_name("Notes").unwrap();
    let sheet = book.add_worksheet().set_name("People").unwrap();
    let rows = [
        ["Employee ID", "Full Name", "Job Title", "Reports To"],
        ["", "Ada Byron", "CEO", ""],
        ["", "Cy Dorn", "CIO", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    // Numbers as Excel stores them: ids 1 and 2 are floats in the file.
    sheet.write_number(1, 0, 1.0).unwrap();
    sheet.write_number(2, 0, 2.0).unwrap();
    sheet.write_number(2, 3, 1.0).unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let table = read_bytes(&bytes, Some("people")).unwrap();
    assert_eq!(table.source, "sheet \"People\"");
    let got = Choices::from_args(&table, &[])
        .unwrap()
        .import(&table)
        .unwrap();
    assert_eq!(manager(&got, "2").as_deref(), Some("1"));
    assert_eq!(got.order, vec![(2, id("1")), (3, id("2"))]);
    let missing = read_bytes(&bytes, Some("Staff")).unwrap_err();
    assert_eq!(
        missing.to_string(),
        "there is no sheet \"Staff\"; the sheets are \"Notes\", \"People\""
    );
}

/// A minimal `OpenDocument` spreadsheet: one sheet of string cells.
fn ods(sheet: &str, rows: &[&[&str]]) -> Vec<u8> {
    use std::fmt::Write as _;
    use std::io::Write;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <office:document-content \
         xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet>",
    );
    let _ = write!(xml, "<table:table table:name=\"{sheet}\">");
    for row in rows {
        xml += "<table:table-row>";
        for cell in *row {
            let _ = write!(
                xml,
                "<table:table-cell office:value-type=\"string\"><text:p>{cell}</text:p></table:table-cell>"
            );
        }
        xml += "</table:table-row>";
    }
    xml += "</table:table></office:spreadsheet></office:body></office:document-content>";
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">\
        <manifest:file-entry manifest:full-path=\"/\" \
        manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
        <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
        </manifest:manifest>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let files = [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", xml.as_str()),
    ];
    for (name, text) in files {
        zip.start_file(name, stored).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn ods_first_sheet() {
    let bytes = ods(
        "Staff",
        &[
            &["Person ID", "Display Name", "Position", "Manager Person ID"],
            &["p1", "Io Vale", "Chief Executive Officer", ""],
            &["p2", "Ru Senn", "Chief Information Security Officer", "p1"],
        ],
    );
    let table = read_bytes(&bytes, None).unwrap();
    assert_eq!(table.source, "sheet \"Staff\"");
    let got = Choices::from_args(&table, &[])
        .unwrap()
        .import(&table)
        .unwrap();
    assert_eq!(manager(&got, "p2").as_deref(), Some("p1"));
    assert_eq!(got.chart.leader(&id("p2")).unwrap().role, Role::Ciso);
}

#[test]
fn rows_in_any_order() {
    let text = "id,name,title,manager\n4,D,x,3\n3,C,x,2\n2,B,x,1\n1,A,CEO,\n";
    let got = import_bytes(text.as_bytes());
    assert_eq!(manager(&got, "4").as_deref(), Some("3"));
    assert_eq!(manager(&got, "2").as_deref(), Some("1"));
    assert_eq!(got.roots, 1);
}

#[test]
fn each_problem_is_named_with_its_row_and_value() {
    let text = "id,name,title,manager\n\
        1,Ann Top,CEO,\n\
        2,Bo Low,VP,1\n\
        2,Bo Again,VP,1\n\
        ,,,\n\
        4,,Engineer,1\n\
        5,Cy Lost,Engineer,99\n\
        6,Di Loop,Engineer,7\n\
        7,Ed Loop,Engineer,6\n\
        ,Fay Noid,Engineer,1\n";
    let got = import_bytes(text.as_bytes());
    assert_eq!(
        messages(&got),
        [
            "row 4: the id \"2\" is already on row 3; row 4 skipped",
            "row 5: blank; skipped",
            "row 6: no name; the card shows the id \"4\"",
            "row 7: Cy Lost's manager \"99\" is not in the file; Cy Lost is put at the top",
            "row 8: reporting lines loop (Di Loop -> Ed Loop -> Di Loop); broken here, Di Loop is put at the top",
            "row 10: no id; skipped",
        ]
    );
    assert_eq!(
        got.summary(),
        "9 rows -> 6 leaders, 3 top-level, managers matched by identifier; \
         3 rows skipped: row 4 (duplicate id \"2\"), row 5 (blank), row 10 (no id); \
         3 other problems"
    );
    assert_eq!(
        manager(&got, "7").as_deref(),
        Some("6"),
        "only one line cut"
    );
}

#[test]
fn an_ambiguous_manager_name_is_named_with_the_rows() {
    let text = "id,name,title,manager\n1,Sam Lee,CEO,\n2,Sam Lee,CTO,\n3,Jo,VP,Sam Lee\n";
    let table = read_text(text).unwrap();
    let mut choices = Choices::from_args(&table, &[]).unwrap();
    choices.manager_key = Some(ManagerKey::Name);
    let got = choices.import(&table).unwrap();
    assert_eq!(
        messages(&got),
        [
            "row 4: Jo's manager \"Sam Lee\" could be any of 2 people (rows 2, 3); Jo is put at the top"
        ]
    );
}

#[test]
fn a_file_without_names_is_refused_naming_its_columns() {
    let table = read_text("Employee ID,Cost,Grade\n1,2,3\n").unwrap();
    let err = Choices::from_args(&table, &[])
        .unwrap()
        .import(&table)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "no column holds people's names (looked for Name, Full Name, Worker, Display Name, \
         or First Name and Last Name); the columns found are \"Employee ID\", \"Cost\", \"Grade\""
    );
    let empty = read_text("").unwrap();
    assert_eq!(
        import(&empty, &Mapping::default(), None).unwrap_err(),
        ImportError::Empty
    );
    let header_only = read_text("id,name\n").unwrap();
    let err = Choices::from_args(&header_only, &[])
        .unwrap()
        .import(&header_only);
    assert_eq!(err.unwrap_err(), ImportError::NoRows);
}

#[test]
fn map_choices_override_detection_and_bad_ones_are_named() {
    let table = read_text("Code,Person,Boss,Job\n1,A,,CEO\n2,B,1,CTO\n").unwrap();
    let maps = ["id=Code", "name=#2", "manager=boss", "title=Job"].map(String::from);
    let got = Choices::from_args(&table, &maps)
        .unwrap()
        .import(&table)
        .unwrap();
    assert_eq!(manager(&got, "2").as_deref(), Some("1"));
    assert_eq!(got.chart.leader(&id("2")).unwrap().role, Role::Cto);
    let err = Choices::from_args(&table, &["boss=Code".into()]).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("--map no field \"boss\"; the fields are id, name")
    );
    let err = Choices::from_args(&table, &["id=Nope".into()]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "--map no column \"Nope\"; the columns are \"Code\", \"Person\", \"Boss\", \"Job\""
    );
}

#[test]
fn headers_from_many_systems_are_recognised() {
    let cases = [
        ("Employee_ID", Field::Id),
        ("Person ID", Field::Id),
        ("USERID", Field::Id),
        ("Display Name", Field::Name),
        ("Reports_To", Field::Manager),
        ("Supervisor ID", Field::Manager),
        ("Manager (by email)", Field::Manager),
        ("Line Manager Employee Number", Field::Manager),
        ("Position", Field::Title),
        ("Work E-mail", Field::Email),
        ("Department Name", Field::Department),
        ("Responsibilities", Field::Responsibilities),
    ];
    for (header, field) in cases {
        let headers = vec![header.to_owned(), "Other".to_owned()];
        assert_eq!(Mapping::detect(&headers).get(field), Some(0), "{header}");
    }
    let headers: Vec<String> = ["Manager ID", "Manager Email", "Email"]
        .map(String::from)
        .into();
    let m = Mapping::detect(&headers);
    assert_eq!(
        (m.get(Field::Manager), m.get(Field::Email)),
        (Some(0), Some(2))
    );
}

#[test]
fn windows_1252_text_is_read() {
    let bytes = b"id,name,title\n1,Jos\xe9 M\xfcller,CEO\n";
    let got = import_bytes(bytes);
    assert_eq!(got.chart.leader(&id("1")).unwrap().name, "José Müller");
}

#[test]
fn csv_round_trip_gives_the_same_chart() {
    for preset in presets::PRESETS {
        let mut model = presets::model(preset.id).unwrap();
        model.chart.clear_pins();
        model.chart.collapse_where(|_| false);
        let bytes = to_csv(&model);
        let got = import_bytes(&bytes);
        assert!(
            got.problems.is_empty(),
            "{}: {:?}",
            preset.id,
            messages(&got)
        );
        assert!(
            got.chart == model.chart,
            "{} differs after a round trip",
            preset.id
        );
    }
}

#[test]
fn update_keeps_hand_work_and_says_what_changed() {
    let first = "id,name,title,manager\n1,Ann,CEO,\n2,Bo,CIO,1\n3,Cy,Engineer,2\n4,Di,Engineer,2\n6,Fu,Engineer,3\n";
    let mut model = Model {
        id: crate::core::workspace::ModelId::new("org"),
        title: "Org".into(),
        description: String::new(),
        preset: None,
        chart: import_bytes(first.as_bytes()).chart,
    };
    let bo = model.chart.leader(&id("2")).unwrap().clone();
    let bo = Leader {
        responsibilities: vec![crate::core::model::Assignment::new(
            "cloud",
            Raci::Responsible,
        )],
        ..bo
    };
    model.chart.update_leader(bo).unwrap();
    model
        .chart
        .set_pinned(&id("2"), Some(emath::pos2(5.0, 6.0)))
        .unwrap();
    model.chart.add_dotted(&id("1"), &id("3")).unwrap();
    let second = "id,name,title,manager\n1,Ann,CEO,\n2,Bo,CIO,1\n3,Cy,Lead Engineer,2\n6,Fu,Engineer,1\n5,Eve,Engineer,2\n";
    let update = update(&model, &import_bytes(second.as_bytes()).chart);
    let bo = update.chart.leader(&id("2")).unwrap();
    assert_eq!(bo.pinned, Some(emath::pos2(5.0, 6.0)));
    assert_eq!(bo.responsibilities.len(), 1);
    assert_eq!(update.chart.dotted_lines().len(), 1);
    let sentences: Vec<&str> = update.sentences.iter().map(|s| s.text.as_str()).collect();
    for expected in [
        "Di is gone",
        "Eve is new",
        "Fu now reports to Ann (was Cy)",
        "\"Lead Engineer\"",
    ] {
        assert!(
            sentences.iter().any(|s| s.contains(expected)),
            "{expected:?} not in {sentences:?}"
        );
    }
    assert!(!update.is_empty());
    let again = super::update(&model, &model.chart);
    assert!(again.is_empty(), "{:?}", again.sentences);
}
