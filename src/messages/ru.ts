import type { Locale, MessageCatalog } from './message-code.js';

/**
 * The Russian messages, frozen: every {@link MessageCode} has one (the source protocol was
 * written in Russian). The headings of the protocol (`protocol.*`) are acuspine's Russian
 * rendering of the headings that the citations name in English. Numbers appear only after a
 * colon or with the abbreviation «мин», so no message depends on plural forms. Apps reach them
 * as `ru.messages`, from the entry point 'acuspine/locales/ru' alone, so that an app that does
 * not import `ru` does not bundle them.
 *
 * @example
 * messagesRu['status.contraindicated.label']; // => 'Противопоказано'
 * messagesRu['fact.ageYears.question']; // => 'Сколько пациенту полных лет?'
 */
export const messagesRu: MessageCatalog = Object.freeze({
  'status.eligible.label': 'Противопоказаний не выявлено',
  'status.eligible.headline': 'По этим правилам противопоказаний не выявлено. Решение о лечении принимает врач.',
  'status.caution.label': 'Требуется осторожность',
  'status.caution.headline':
    'По этим правилам противопоказаний не выявлено, но есть предостережения: оцените каждое из них до планирования лечения.',
  'status.incomplete.label': 'Недостаточно данных',
  'status.incomplete.headline':
    'Скрининг не завершён: задайте приведённые ниже вопросы, внесите ответы и повторите скрининг. Отсутствующие сведения никогда не считаются ответом «нет».',
  'status.contraindicated.label': 'Противопоказано',
  'status.contraindicated.headline':
    'По этим правилам иглорефлексотерапия противопоказана: направьте пациента на другой метод лечения.',
  'status.refer.label': 'Сначала обследование или направление',
  'status.refer.headline':
    'По этим правилам выявлен «красный флаг»: до любого введения игл обследуйте пациента или направьте его к специалисту с той срочностью, которую указывает каждый флаг. «Красный флаг» — не диагноз; решение принимает врач.',

  'rule.age.label': 'возрастные ограничения',
  'rule.age.present':
    'Возраст пациента — менее {under} или более {over} полных лет: по протоколу это противопоказание.',
  'rule.age.unknown':
    'Возраст не указан или указан некорректно, поэтому возрастные ограничения (менее {under} или более {over} полных лет) проверить нельзя.',
  'rule.age.absent': 'Возраст в границах правила (от {under} до {over} полных лет).',
  'rule.age.adapted.present':
    'Возраст пациента — менее {under} или более {over} полных лет: это противопоказание по собственным возрастным ограничениям набора правил (в протоколе — менее {protocolUnder} или более {protocolOver} полных лет).',
  'rule.age.adapted.unknown':
    'Возраст не указан или указан некорректно, поэтому собственные возрастные ограничения набора правил (менее {under} или более {over} полных лет) проверить нельзя.',
  'rule.age.adapted.absent': 'Возраст в собственных границах набора правил (от {under} до {over} полных лет).',
  'rule.oncology.label': 'онкологическое заболевание',
  'rule.oncology.present': 'Отмечено онкологическое заболевание: по протоколу это противопоказание.',
  'rule.oncology.unknown':
    'Сведений об онкологическом заболевании нет или они некорректны, поэтому это противопоказание нельзя исключить.',
  'rule.oncology.absent': 'Отмечено: онкологического заболевания нет.',
  'rule.pregnancy.label': 'беременность',
  'rule.pregnancy.present': 'Отмечена беременность: по протоколу это противопоказание.',
  'rule.pregnancy.unknown':
    'Сведений о беременности нет или они некорректны, поэтому это противопоказание нельзя исключить.',
  'rule.pregnancy.absent': 'Отмечено: беременности нет.',
  'rule.coagulation.label': 'нарушение свёртываемости крови',
  'rule.coagulation.present': 'Отмечено нарушение свёртываемости крови: по протоколу это противопоказание.',
  'rule.coagulation.unknown':
    'Сведений о нарушении свёртываемости крови нет или они некорректны, поэтому это противопоказание нельзя исключить.',
  'rule.coagulation.absent': 'Отмечено: нарушения свёртываемости крови нет.',
  'rule.acute-infection.label': 'острый период инфекционного заболевания',
  'rule.acute-infection.present': 'Отмечен острый период инфекционного заболевания: по протоколу это противопоказание.',
  'rule.acute-infection.unknown':
    'Сведений об остром периоде инфекционного заболевания нет или они некорректны, поэтому это противопоказание нельзя исключить.',
  'rule.acute-infection.absent': 'Отмечено: острого периода инфекционного заболевания нет.',
  'rule.acute-mental-state.label': 'острое психическое состояние или действие психотропных веществ',
  'rule.acute-mental-state.present':
    'Отмечен острый период психического заболевания или действие психотропных веществ: по протоколу это противопоказание.',
  'rule.acute-mental-state.unknown':
    'Ни острый период психического заболевания, ни действие психотропных веществ не отмечены, но сведения хотя бы об одном из них отсутствуют или некорректны, поэтому это противопоказание нельзя исключить.',
  'rule.acute-mental-state.absent':
    'Отмечено: острого периода психического заболевания и действия психотропных веществ нет.',

  'rule.anticoagulant-therapy.label': 'приём антикоагулянтов',
  'rule.anticoagulant-therapy.present':
    'Отмечен приём антикоагулянтов: предостережение из опубликованных рекомендаций (не из протокола), которые предписывают поверхностное введение тонких игл.',
  'rule.anticoagulant-therapy.unknown':
    'Сведений о приёме антикоагулянтов нет или они некорректны, поэтому это предостережение нельзя исключить.',
  'rule.anticoagulant-therapy.absent': 'Отмечено: антикоагулянты пациент не принимает.',
  'rule.electroacupuncture-with-implanted-device.label': 'имплантированное устройство при электроакупунктуре',
  'rule.electroacupuncture-with-implanted-device.present':
    'Отмечены кардиостимулятор или другое имплантированное электронное устройство и запланированная электроакупунктура: предостережение из рекомендаций по таким устройствам (не из протокола); оно касается электроакупунктуры, а не ручного введения игл.',
  'rule.electroacupuncture-with-implanted-device.unknown':
    'Сведений об имплантированном электронном устройстве или о планируемой электроакупунктуре нет или они некорректны, поэтому это предостережение нельзя исключить.',
  'rule.electroacupuncture-with-implanted-device.absent':
    'Отмечено: имплантированного электронного устройства нет или электроакупунктура не планируется.',
  'rule.skin-lesion-at-site.label': 'поражение кожи в месте введения игл',
  'rule.skin-lesion-at-site.present':
    'Отмечены инфекция или поражение кожи в месте введения игл: предостережение из клинической литературы (не из протокола).',
  'rule.skin-lesion-at-site.unknown':
    'Сведений об инфекции или поражении кожи в месте введения игл нет или они некорректны, поэтому это предостережение нельзя исключить.',
  'rule.skin-lesion-at-site.absent': 'Отмечено: инфекции и поражения кожи в месте введения игл нет.',
  'rule.needle-phobia.label': 'боязнь игл',
  'rule.needle-phobia.present':
    'Отмечены боязнь игл или неспособность пациента выполнять указания врача во время процедуры: предостережение из клинической литературы (не из протокола).',
  'rule.needle-phobia.unknown':
    'Сведений о боязни игл или о способности пациента выполнять указания врача во время процедуры нет или они некорректны, поэтому это предостережение нельзя исключить.',
  'rule.needle-phobia.absent':
    'Отмечено: боязни игл нет, пациент способен выполнять указания врача во время процедуры.',
  'rule.epilepsy.label': 'эпилепсия',
  'rule.epilepsy.present':
    'Отмечены эпилепсия или другое судорожное расстройство: предостережение (критерий исключения в клинических исследованиях, а не в протоколе).',
  'rule.epilepsy.unknown':
    'Сведений об эпилепсии или другом судорожном расстройстве нет или они некорректны, поэтому это предостережение нельзя исключить.',
  'rule.epilepsy.absent': 'Отмечено: эпилепсии и других судорожных расстройств нет.',
  'rule.pregnancy-point-restrictions.label': 'беременность (ограничения выбора точек)',
  'rule.pregnancy-point-restrictions.present':
    'Отмечена беременность: рекомендации ВОЗ исключают пояснично-крестцовые точки и точки нижней части живота в первом триместре, а пояснично-крестцовые точки — и на более поздних сроках.',
  'rule.pregnancy-point-restrictions.unknown':
    'Сведений о беременности нет или они некорректны, поэтому ограничения выбора точек при беременности нельзя исключить.',
  'rule.pregnancy-point-restrictions.absent':
    'Отмечено: беременности нет, эти ограничения выбора точек не применяются.',

  'rule.generic.present.absolute': 'Правило «{rule}» выполнено: противопоказание по используемому набору правил.',
  'rule.generic.present.relative':
    'Правило «{rule}» выполнено: предостережение по используемому набору правил, которое следует оценить.',
  'rule.generic.present.referral':
    'Правило «{rule}» выполнено: «красный флаг» по используемому набору правил; до введения игл пациента нужно обследовать или направить к специалисту {urgency}.',
  'rule.generic.unknown': 'Правило «{rule}» нельзя проверить по имеющимся сведениям.',
  'rule.generic.absent': 'Правило «{rule}» по имеющимся сведениям не выполнено.',

  'fact.ageYears.label': 'возраст (полных лет)',
  'fact.ageYears.question': 'Сколько пациенту полных лет?',
  'fact.oncologicalDisease.label': 'онкологическое заболевание',
  'fact.oncologicalDisease.question':
    'Есть ли у пациента в настоящее время онкологическое (злокачественное) заболевание?',
  'fact.pregnant.label': 'беременность',
  'fact.pregnant.question': 'Есть ли в настоящее время беременность?',
  'fact.coagulationDisorder.label': 'нарушение свёртываемости крови',
  'fact.coagulationDisorder.question': 'Есть ли у пациента нарушение свёртываемости крови?',
  'fact.acuteInfection.label': 'острый период инфекционного заболевания',
  'fact.acuteInfection.question': 'Находится ли пациент в остром периоде инфекционного заболевания?',
  'fact.acuteMentalIllness.label': 'острый период психического заболевания',
  'fact.acuteMentalIllness.question':
    'Находится ли пациент на момент приёма в остром периоде психического заболевания (диагноз в стадии ремиссии не в счёт)?',
  'fact.psychotropicInfluence.label': 'действие психотропных веществ',
  'fact.psychotropicInfluence.question':
    'Находится ли пациент на момент приёма под острым действием психотропных веществ (одного лишь назначения препарата недостаточно)?',
  'fact.anticoagulantTherapy.label': 'приём антикоагулянтов',
  'fact.anticoagulantTherapy.question': 'Принимает ли пациент антикоагулянты?',
  'fact.pacemaker.label': 'кардиостимулятор или другое имплантированное электронное устройство',
  'fact.pacemaker.question': 'Есть ли у пациента кардиостимулятор или другое имплантированное электронное устройство?',
  'fact.electroacupuncturePlanned.label': 'планируемая электроакупунктура',
  'fact.electroacupuncturePlanned.question': 'Планируется ли в этом курсе электроакупунктура?',
  'fact.skinLesionAtSite.label': 'инфекция или поражение кожи в месте введения игл',
  'fact.skinLesionAtSite.question': 'Есть ли инфекция или поражение кожи в предполагаемом месте введения игл?',
  'fact.needlePhobia.label': 'боязнь игл или неспособность выполнять указания врача',
  'fact.needlePhobia.question':
    'Испытывает ли пациент страх перед иглами или не способен выполнять указания врача во время процедуры?',
  'fact.epilepsy.label': 'эпилепсия или другое судорожное расстройство',
  'fact.epilepsy.question': 'Есть ли у пациента эпилепсия или другое судорожное расстройство?',
  'fact.caudaEquinaSyndrome.label': 'синдром конского хвоста (установленный или предполагаемый)',
  'fact.caudaEquinaSyndrome.question':
    'Установлен ли синдром конского хвоста или есть подозрение на него, и сохраняется ли он?',
  'fact.newBladderOrBowelDysfunction.label': 'впервые возникшее нарушение функции тазовых органов',
  'fact.newBladderOrBowelDysfunction.question':
    'Появились ли после начала боли в спине нарушения мочеиспускания или дефекации (задержка, недержание мочи или кала)?',
  'fact.saddleAnaesthesia.label': 'седловидная анестезия',
  'fact.saddleAnaesthesia.question':
    'Есть ли онемение или нарушение чувствительности в седловидной области (промежность, ягодицы, внутренняя поверхность бёдер)?',
  'fact.severeOrProgressiveNeurologicalDeficit.label': 'выраженный или нарастающий неврологический дефицит',
  'fact.severeOrProgressiveNeurologicalDeficit.question':
    'Есть ли выраженный или нарастающий неврологический дефицит (слабость, выпадение чувствительности или рефлексов)?',
  'fact.historyOfCancer.label': 'онкологическое заболевание в анамнезе',
  'fact.historyOfCancer.question':
    'Было ли у пациента когда-либо злокачественное новообразование, независимо от того, лечилось ли оно?',
  'fact.unexplainedWeightLoss.label': 'необъяснимое снижение массы тела',
  'fact.unexplainedWeightLoss.question':
    'Снизилась ли масса тела пациента без видимой причины (не из-за диеты и не из-за известного заболевания)?',
  'fact.nightPain.label': 'ночная боль, не проходящая в покое',
  'fact.nightPain.question': 'Беспокоит ли ночная боль, которая не уменьшается в покое и при смене положения тела?',
  'fact.prolongedCorticosteroidUse.label': 'длительный приём глюкокортикоидов',
  'fact.prolongedCorticosteroidUse.question':
    'Принимает ли пациент системные глюкокортикоиды (или принимал ли недавно) в течение нескольких месяцев?',
  'fact.severeTrauma.label': 'недавняя тяжёлая травма',
  'fact.severeTrauma.question':
    'Была ли у пациента недавно тяжёлая травма, например падение с высоты или дорожно-транспортное происшествие?',
  'fact.contusionOrAbrasion.label': 'ушиб или ссадина в области позвоночника',
  'fact.contusionOrAbrasion.question': 'Есть ли ушиб или ссадина в области позвоночника?',
  'fact.osteoporosisWithMinorTrauma.label': 'остеопороз и боль после незначительной травмы',
  'fact.osteoporosisWithMinorTrauma.question':
    'Есть ли у пациента установленный остеопороз, и появилась ли боль после незначительной травмы (падения с высоты собственного роста, подъёма тяжести)?',
  'fact.feverOrSystemicallyUnwell.label': 'лихорадка или выраженное общее недомогание',
  'fact.feverOrSystemicallyUnwell.question': 'Есть ли у пациента лихорадка или выраженное общее недомогание?',
  'fact.intravenousDrugUse.label': 'внутривенное употребление наркотиков',
  'fact.intravenousDrugUse.question': 'Употребляет ли пациент наркотики внутривенно сейчас или употреблял недавно?',
  'fact.immunosuppression.label': 'иммуносупрессия',
  'fact.immunosuppression.question': 'Есть ли у пациента иммуносупрессия, вызванная заболеванием или лечением?',
  'fact.recentBacterialInfection.label': 'недавно перенесённая бактериальная инфекция',
  'fact.recentBacterialInfection.question':
    'Переносил ли пациент недавно бактериальную инфекцию (мочевых путей, кожи, пневмонию и т. п.)?',
  'fact.gaitDisturbance.label': 'впервые возникшее или нарастающее нарушение походки или равновесия',
  'fact.gaitDisturbance.question': 'Есть ли впервые возникшее или нарастающее нарушение походки или равновесия?',
  'fact.clumsyHands.label': 'неловкость или онемение кистей',
  'fact.clumsyHands.question':
    'Есть ли неловкость или онемение кистей (трудно застёгивать пуговицы, писать, выполнять мелкую работу)?',
  'fact.upperMotorNeuronSigns.label': 'признаки поражения центрального мотонейрона',
  'fact.upperMotorNeuronSigns.question':
    'Есть ли признаки поражения центрального мотонейрона (оживление рефлексов, симптом Гоффмана, клонус, симптом Бабинского)?',
  'fact.cervicalArterialDysfunctionSigns.label': 'признаки дисфункции шейных артерий',
  'fact.cervicalArterialDysfunctionSigns.question':
    'Есть ли признаки дисфункции шейных артерий: головокружение, двоение в глазах, нарушение речи, затруднение глотания, внезапные падения (дроп-атаки), нистагм, онемение, тошнота или атаксия?',
  'fact.inflammatoryBackPain.label': 'боль в спине воспалительного характера',
  'fact.inflammatoryBackPain.question':
    'Носит ли боль в спине воспалительный характер (по описанию NICE NG65), позволяющий заподозрить спондилоартрит?',
  'fact.invalid.age':
    'Значение в поле «{fact}» не является возрастом от 0 до 149 лет и считается неуказанным: внесите его заново.',
  'fact.invalid.boolean':
    'Значение в поле «{fact}» не является ответом «да» или «нет» и считается неуказанным: внесите его заново.',

  'urgency.emergency': 'в экстренном порядке',
  'urgency.urgent': 'в срочном порядке',
  'urgency.routine': 'в плановом порядке',

  'issue.not-an-object': 'Входные данные не являются записью из именованных полей.',
  'issue.unknown-key': '«{key}» — неизвестное поле: проверьте написание.',
  'issue.forbidden-key': 'Имя поля «{key}» недопустимо.',
  'issue.invalid-type': 'Значение имеет неверный тип.',
  'issue.out-of-range': 'Значение выходит за допустимые пределы.',
  'issue.unreadable': 'Значение не удалось прочитать.',
  'issue.unknown-region':
    'Значение не соответствует ни одному отделу позвоночника (ожидается шейный, грудной или пояснично-крестцовый).',
  'issue.missing': 'Необходимо указать значение.',
  'issue.invalid-screening': 'Это не результат скрининга, который возвращает функция screen().',
  'issue.contraindicated':
    'Курс не запланирован: иглорефлексотерапия этому пациенту противопоказана; направьте его на другой метод лечения.',
  'issue.screening-incomplete':
    'Курс не запланирован: скрининг не завершён; внесите недостающие сведения и повторите скрининг.',
  'issue.invalid-date': 'Значение не является календарной датой в формате ГГГГ-ММ-ДД.',
  'issue.not-an-integer': 'Ожидается целое число.',
  'issue.empty': 'Нужно указать хотя бы одно значение.',
  'issue.unknown-weekday': 'Значение не является днём недели (mon, tue, wed, thu, fri, sat, sun).',
  'issue.duplicate-weekday': 'Этот день недели указан более одного раза.',
  'issue.blank': 'Текст не должен быть пустым.',
  'issue.outside-protocol':
    'Значение выходит за рамки, указанные в протоколе; для этого нужно решение врача об отступлении от протокола с указанием причины.',
  'issue.too-many-issues': 'Найдено больше проблем, чем показано здесь.',
  'issue.other': 'Недопустимое значение (код «{code}»).',
  'issue.line': '{field}: {message}',

  'field.region': 'отдел позвоночника',
  'field.screening': 'скрининг',
  'field.start': 'дата начала',
  'field.sessions': 'число сеансов',
  'field.minutes': 'продолжительность сеанса',
  'field.weekdays': 'дни недели',
  'field.contralateral': 'контралатеральный выбор точек',
  'field.override': 'отступление от протокола',
  'field.override.reason': 'причина отступления от протокола',
  'field.override.by': 'кем принято решение об отступлении',
  'field.root': 'входные данные',
  'field.entry': '{field}, элемент {number}',
  'field.nested': '{field}, «{key}»',

  'region.cervical': 'шейный',
  'region.cervical.genitive': 'шейного',
  'region.thoracic': 'грудной',
  'region.thoracic.genitive': 'грудного',
  'region.lumbosacral': 'пояснично-крестцовый',
  'region.lumbosacral.genitive': 'пояснично-крестцового',

  'phase.nerve-pain': 'купирование боли, вызванной ущемлением нервных корешков',
  'phase.spasm-and-inflammation': 'снятие мышечного спазма и воспаления',
  'phase.circulation-and-metabolism': 'восстановление кровообращения и обмена веществ',
  'phase.consolidation': 'закрепление результата',

  'step.antiseptic-before': 'обработка места воздействия антисептиком',
  'step.insert-needles': 'введение игл',
  'step.retain-needles': 'иглы оставляют на {minutes} мин',
  'step.remove-needles': 'извлечение игл',
  'step.antiseptic-after': 'повторная обработка места воздействия антисептиком',

  'pointGroup.local': 'локальные',
  'pointGroup.segmental': 'сегментарные',
  'pointGroup.remote': 'отдалённые',

  'weekday.mon': 'понедельник',
  'weekday.tue': 'вторник',
  'weekday.wed': 'среда',
  'weekday.thu': 'четверг',
  'weekday.fri': 'пятница',
  'weekday.sat': 'суббота',
  'weekday.sun': 'воскресенье',

  'setting.sessions': 'число сеансов',
  'setting.minutes': 'продолжительность сеанса',
  'setting.weekdays': 'дни недели',
  'setting.contralateral': 'контралатеральный выбор точек',

  'protocol.title': 'Остеохондроз и иглоукалывание',
  'protocol.section.contraindications': 'Противопоказания',
  'protocol.section.essence': 'Суть метода иглоукалывания',
  'protocol.section.cervical': 'Иглоукалывание при шейном остеохондрозе позвоночника',
  'protocol.section.thoracic': 'Иглоукалывание при остеохондрозе грудного отдела позвоночника',
  'protocol.section.lumbosacral': 'Иглоукалывание при пояснично-крестцовом остеохондрозе',
  'source.section': 'раздел «{section}»',
  'source.item': 'пункт {item}',
  'source.adapted': 'собственное правило набора правил, изменённое по сравнению с источником: {source}',
  'source.adapted.age':
    'собственные возрастные ограничения набора правил, изменённые по сравнению с источником: {source}, где ограничения — менее {under} или более {over} полных лет',
  'rule-set.unchecked-protocol':
    'Используемый набор правил не проверяет следующие противопоказания протокола: {rules}. Этот результат ничего о них не говорит: проверьте их до начала лечения.',

  'course.summary':
    'План курса иглорефлексотерапии при остеохондрозе {regionGenitive} отдела позвоночника: с {from} по {to}.',
  'course.region': 'Отдел позвоночника: {region}.',
  'course.sessions': 'Число сеансов: {count}; продолжительность сеанса: {minutes} мин.',
  'course.minutes.carried-over':
    'Продолжительность сеанса 20–40 мин указана в протоколе только для {fromGenitive} отдела; acuspine применяет её и здесь.',
  'course.weekdays': 'Дни недели: {weekdays}.',
  'course.dates': 'Сроки: с {from} по {to}.',
  'course.phase': 'Этап {order} — {title}: сеансы {first}–{last}.',
  'course.phase.single': 'Этап {order} — {title}: сеанс {number}.',
  'course.phases.omitted': 'Этапы, на которые в этом курсе не пришлось ни одного сеанса: {phases}.',
  'course.point-groups': 'Группы точек: {groups}; конкретные точки в каждой группе выбирает врач.',
  'course.contralateral.on': 'Точки выбираются на стороне, противоположной стороне жалоб (метод баланса).',
  'course.contralateral.off': 'Контралатеральный выбор точек (метод баланса) не применяется.',
  'course.steps': 'Ход каждого сеанса: {steps}.',
  'course.cautions': 'Предостережения по результатам скрининга, которые врач учитывает на каждом сеансе: {cautions}.',
  'course.override': 'Отступление от протокола ({settings}) по решению врача: {reason}.',
  'course.override.by': 'Отступление от протокола ({settings}) по решению врача ({by}): {reason}.',
  'course.override.within':
    'Отступление от протокола зафиксировано ({reason}), но все параметры курса находятся в рамках протокола.',
  'course.defaults': 'Параметры, оставленные по умолчанию (acuspine): {settings}.',
  'course.screening': 'Результат скрининга: {status} (набор правил {id}, версия {version}).',
  'course.sources': 'Источники в протоколе: {sources}.',
  'session.line': 'Сеанс {number}: {date}, {weekday}, {minutes} мин.',
  'session.line.phase': 'Сеанс {number}: {date}, {weekday}, {minutes} мин; этап {order} — {phase}.',

  'text.finding': '{sentence} Источник: {source}.',
  'text.questions': 'Вопросы для уточнения:',
  'text.rule-set': 'Набор правил {id}, версия {version}.',
  'format.date': '{day}.{month}.{year}',
});

/**
 * Russian, the language of the source protocol: pass it as `locale` to
 * {@link acuspine!explain | explain}, {@link acuspine!explainCourse | explainCourse} or
 * {@link acuspine!explainIssues | explainIssues}. It is the entry point 'acuspine/locales/ru',
 * apart from the core, so that an app that explains in English only does not bundle it.
 *
 * @example
 * import { explain, screen } from 'acuspine';
 * import { ru } from 'acuspine/locales/ru';
 *
 * explain(screen({ pregnant: true }), { locale: ru }).label; // => 'Противопоказано'
 * ru.messages['fact.ageYears.question']; // => 'Сколько пациенту полных лет?'
 */
export const ru: Locale = Object.freeze({ code: 'ru', messages: messagesRu });
