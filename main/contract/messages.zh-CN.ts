// Every message code of messages.ts worded in Simplified Chinese. Typed `MessageTable`: a code missing here, or a
// parameter named differently from the English table, is a compile error. Paths, ids, file names and the user's
// deck names are parameters and stay as they are; so do the front-matter keys (id, deck, version, tags, lang) and
// code that the user types. Glossary: renderer/src/lib/i18n/zh-CN.ts. Imports nothing outside the contract.
import { megabytes, type FileProblem, type LineProblem, type MessageTable, type Words } from './messages';

const ID_RULE = 'id 只能使用字母、数字、“-”、“_”和“.”，最多 64 个字符';
const UTF8_HINT = '请把笔记另存为 UTF-8（在 Typora 中：文件 ▸ 以指定编码保存 ▸ UTF-8）';
const atLines = (errors: readonly LineProblem[], words: Words): string => errors.map((e) => `第 ${e.line} 行：${words(e.problem)}`).join('；');
const fileLines = (errors: readonly FileProblem[], words: Words): string[] => errors.map((e) => `${e.file}:${e.line}：${words(e.problem)}`);
const BLOCK_NAMES = { starter: '初始代码（starter）', solution: '参考解答（solution）', proof: '证明（proof）' } as const;

export const ZH_CN: MessageTable = {
  // ---- Deck files ----
  'deck.notUtf16': () => '不是 UTF-8（该文件是 UTF-16）：请另存为 UTF-8',
  'deck.binary': () => '包含二进制内容（NUL 字节）：牌组文件必须是 UTF-8 文本',
  'deck.tooLarge': (p) => `文件过大，无法加载：${megabytes(p.size)}，上限为 ${megabytes(p.limit)}（请拆分成几个牌组）`,
  'deck.notUtf8': (p) => `不是 UTF-8（字节 0x${p.byte} 无法开始或延续一个字符）：请把文件另存为 UTF-8`,
  'deck.noFrontMatter': () => '缺少头部信息：牌组文件以一行“---”开始，接着是 id、deck 和 version，再以“---”结束',
  'deck.unterminatedFrontMatter': () => '头部信息没有结束：请在其后加一行“---”',
  'deck.frontMatterYaml': (p) => `头部信息不是有效的 YAML：${p.detail}`,
  'deck.frontMatterNotMapping': () => '头部信息不是“键: 值”形式的 YAML 映射',
  'deck.missingId': () => '头部信息缺少“id”（牌组的 id，例如 id: optimizers）',
  'deck.idNotString': (p) => `头部信息中的“id”必须是字符串（加上引号：id: "${p.value}"）`,
  'deck.badDeckId': (p) => `牌组 id“${p.id}”无效：${ID_RULE}`,
  'deck.missingName': () => '头部信息缺少“deck”（牌组的显示名称）',
  'deck.badName': () => '头部信息中的“deck”必须是非空名称',
  'deck.missingVersion': (p) => `头部信息缺少“version”（请写 version: ${p.supported}）`,
  'deck.versionNotNumber': (p) => `头部信息中的“version”必须是数字 ${p.supported}`,
  'deck.unknownVersion': (p) => `未知版本 ${p.version}：本应用读取版本 ${p.supported} 的牌组文件`,
  'deck.badDescription': () => '头部信息中的“description”必须是文本',
  'deck.badTags': () => '头部信息中的“tags”必须是字符串列表，例如 tags: [optimizer, adam]',
  'deck.badLang': (p) => `头部信息中的“lang”必须是语言标签，例如 zh-CN 或 en（而不是“${p.value}”）`,
  'deck.unterminatedFence': (p) => `代码块没有结束（${p.fence}）：请用对应的一行把它关闭`,
  'deck.unterminatedComment': () => 'HTML 注释没有结束：请用“-->”关闭',
  'deck.duplicateCardId': (p) => `卡片 id“${p.id}”重复：第 ${p.line} 行的卡片也在使用`,
  'deck.badAttributeBlock': (p) => `属性块 {${p.block}} 无效：应为 {#id key="value" …}`,
  'deck.twoIds': (p) => `一个标题里有两个 id（#${p.ids.join('、#')}）：只保留一个`,
  'deck.badCardId': (p) => `id“${p.id}”无效：${ID_RULE}`,
  'deck.emptyQuestion': () => '问题为空：请在“## ”之后写上问题',
  'deck.proofInQuestion': () => '证明代码块位于问题中：请把它移到“?”行之后的答案里',
  'deck.twoProofs': (p) => `一张卡片里有两个证明代码块（第 ${p.lines} 行）：只保留一个`,
  'deck.codeBlockMissing': (p) => `编程卡片（type="code"）需要在答案正文之后有一个 \`\`\`js ${p.block} 代码块（或 ts ${p.block}）`,
  'deck.twoCodeBlocks': (p) => `一张编程卡片里有两个${BLOCK_NAMES[p.block]}代码块（第 ${p.lines} 行）：只保留一个`,
  'deck.codeBlockInQuestion': (p) => `${BLOCK_NAMES[p.block]}代码块位于问题中：请把它移到“?”行之后的答案里`,
  'deck.duplicateDeckId': (p) => `牌组 id“${p.id}”重复：${p.other} 也在使用`,
  'deck.notUtf8Text': () => '不是 UTF-8 文本：请把文件另存为 UTF-8',
  'deck.cardIdElsewhere': (p) => `卡片 id“${p.id}”重复（另见 ${p.file}:${p.line}）`,

  // ---- Card edits ----
  'card.badId': (p) => `id“${p.id}”无效`,
  'card.badTag': (p) => `标签“${p.tag}”无效：标签不能包含空格、引号或反斜杠`,
  'card.emptyQuestion': () => '问题为空',
  'card.unterminatedFence': (p) => `${partName(p.part)}中的代码块没有结束（其中第 ${p.line} 行）：请用 ${p.fence} 关闭`,
  'card.unterminatedComment': (p) => `${partName(p.part)}中的 HTML 注释没有结束（其中第 ${p.line} 行）：请用 --> 关闭`,
  'card.unknownProofLang': (p) => `未知的证明语言“${p.lang}”（应为 js 或 ts）`,
  'card.noSuchIndex': (p) => `这个文件中没有第 ${p.number} 张卡片`,
  'card.fixFileFirst': (p, words) =>
    `请先修正这个文件：${p.file}:${p.line}：${words(p.problem)}${p.more > 0 ? `（另有 ${p.more} 处）` : ''}`,
  'card.readsBackDifferently': (p) => `${partName(p.part)}保存后读回的内容会与所写不同（请检查其中的代码块和“?”行）`,
  'card.wouldSplit': () => '代码块之外以“## ”开头的行会开始一张新卡片：请把它放进代码块，或换个写法',
  'card.problems': (p, words) => p.problems.map(words).join('；'),

  // ---- Editing decks and cards ----
  'edit.deckNotLoaded': (p) => `牌组“${p.deckId}”没有加载（文件缺失或有错误：请先修正，见主页）。`,
  'edit.fileChanged': (p) =>
    `${p.file} 在 ProofDeck 加载之后${p.deleted ? '被删除了' : '在磁盘上被修改了'}（在应用外编辑过？）。ProofDeck 已重新读取；你的修改没有保存。你的文字仍在编辑器中：请检查卡片后再次保存。`,
  'edit.fileChangedMeanwhile': (p) => `${p.file} 在此期间被修改了；没有做任何改动。`,
  'edit.cannotRead': (p) => `无法读取 ${p.file}（${p.reason}）；没有做任何改动。`,
  'edit.cannotWrite': (p) => `无法写入 ${p.file}：${p.reason}。文件或其所在文件夹是只读的或已不存在；没有做任何改动。`,
  'edit.cardNotFound': (p) => `没有 id 为 ${p.cardId} 的卡片（已被删除，或其文件中已没有它）。`,
  'edit.cardNotInFile': (p) => `卡片 ${p.cardId} 已不在 ${p.file} 中。`,
  'edit.refusedAt': (p, words) => `${p.file}:${p.line}：${words(p.problem)}`,
  'edit.cardInOtherDeck': (p) => `卡片 ${p.cardId} 在牌组“${p.deckId}”中，而不是“${p.requested}”：请改用移动。`,
  'edit.cardChanged': (p) =>
    `卡片 ${p.cardId} 在你打开后被修改了（在其文件中或另一个窗口里）；没有保存。你的文字仍在编辑器中：重新打开卡片即可看到新版本。`,
  'edit.noCardsFound': (p) => `指定的 ${p.count} 张卡片都已不存在（被删除，或其文件中已没有它们）；没有做任何改动。`,
  'edit.badTag': (p) => `标签“${p.tag}”无效：标签不能包含空格、引号或反斜杠。`,
  'edit.deckNeedsName': () => '牌组需要一个名称。',
  'edit.badDeckId': (p) => `牌组 id“${p.id}”无效：${ID_RULE}。`,
  'edit.deckExists': (p) => `id 为“${p.id}”的牌组已存在。`,
  'edit.badDeckName': (p, words) => `名称“${p.name}”无法写成牌组名：${p.problem ? words(p.problem) : '读回的内容会不同'}。`,
  'edit.noDeckLine': (p) => `${p.file}：其头部信息中没有可重命名的单行“deck:”条目；请直接编辑文件。`,
  'edit.builtInNotDeletable': () => '内置牌组随应用提供，不能删除。除非你学习它们，否则其中的卡片不会打扰你。',
  'edit.cannotKeepCopy': (p) => `无法在 ${p.folder} 中保留牌组的副本（${p.reason}），因此没有删除。`,
  'edit.undoPopFailed': (p) => `无法撤销：${p.reason}；该步骤已从历史中移除。`,
  'edit.undoFileChanged': (p) => `无法撤销“${p.label}”：${p.file} 在那次编辑之后被修改了（在其他编辑器中，或被之后的编辑）；没有做任何改动。`,
  'edit.undoFailed': (p, words) => `无法撤销“${p.label}”：${words(p.problem)}（文件在那次编辑之后被修改了）。`,
  'edit.exportNotAbsolute': (p) => `请给出导出文件夹的完整路径：${p.folder}`,
  'edit.exportExists': (p) => `${p.path} 已存在；请选择一个空文件夹（什么都没有写入）。`,
  'edit.cannotCopyImage': (p) => `无法把 ${p.ref} 复制到 ${p.to}：${p.reason}。`,
  'edit.cannotWriteExport': (p) => `无法写入 ${p.path}：${p.reason}。`,
  'edit.invalidDeckFile': (p, words) => `${p.fileName} 不是有效的牌组文件，没有导入任何内容：${atLines(p.errors, words)}`,
  'edit.deckFileTooLarge': (p) => `${p.fileName} 没有导入：它有 ${megabytes(p.size)}，牌组文件的上限是 ${megabytes(p.limit)}。`,
  'edit.cardIdTaken': (p) => `${p.fileName} 没有导入：卡片 id“${p.cardId}”已在牌组“${p.deckId}”中使用。请重命名其中一个。`,
  'edit.importRejected': (p, words) => `${p.fileName} 没有导入：${atLines(p.errors, words)}`,
  'edit.folderImportRejected': (p, words) => `没有从 ${p.folder} 导入任何内容：\n${fileLines(p.errors, words).join('\n')}`,

  // ---- What an edit did ----
  'done.duplicated': (p) => `已复制为 ${p.cardId}`,
  'done.deletedCards': (p) => `已删除 ${p.count} 张卡片（复习记录保留，撤销即可找回）`,
  'done.tagged': (p) => `已为 ${p.count} 张卡片${p.added ? '添加标签' : '移除标签'}`,
  'done.nothingToMove': () => '没有需要移动的卡片',
  'done.moved': (p) => `已把 ${p.count} 张卡片移动到 ${p.deckName}`,
  'done.suspended': (p) => `已${p.suspended ? '暂停' : '取消暂停'} ${p.count} 张卡片`,
  'done.createdDeck': (p) => `已新建牌组 ${p.name}（${p.path}）`,
  'done.renamedDeck': (p) => `已重命名为 ${p.name}`,
  'done.deletedDeck': (p) => `已删除牌组 ${p.name}（${p.trash} 中保留一份副本；撤销即可恢复）`,
  'done.nothingToUndo': () => '没有可撤销的操作',
  'done.undone': (p) => `已撤销“${p.label}”`,
  'done.importedDeck': (p) => `已${p.updated ? '更新' : '导入'}牌组 ${p.name}（${p.path}）`,
  'done.folderUnchanged': (p) => `无需导入：${p.folder} 中的牌组已在这里，且没有变化。`,

  // ---- Loading deck folders ----
  'sync.folderUnreadable': (p) => `无法读取牌组文件夹：${p.reason}`,
  'sync.fileUnreadable': (p) => `无法读取文件：${p.reason}`,
  'sync.symlinkOut': (p) => `指向牌组文件夹 ${p.folder} 之外的符号链接：未读取（请把它移动或复制到文件夹内）`,
  'sync.builtInCardWithoutId': () => '卡片没有 id：内置牌组必须为每张卡片写上 {#id}',
  'sync.cannotAssignIds': (p) => `无法为没有 id 的卡片分配 id（文件不可写：${p.reason}）；请在每个标题后加上 {#id}`,
  'sync.deckIdTaken': (p) => `牌组 id“${p.deckId}”已被 ${p.file} 使用`,
  'sync.cardIdTaken': (p) => `卡片 id“${p.cardId}”已在 ${p.file} 中使用`,

  // ---- Deck folders and folder import ----
  'folder.notAbsolute': (p) => `请给出文件夹的完整路径（以 / 或盘符开头）：${p.path}`,
  'folder.cannotOpen': (p) => `无法打开文件夹 ${p.path}（${p.reason}）。`,
  'folder.isFile': (p) => `${p.path} 是文件，不是文件夹。`,
  'folder.isFileUseImport': (p) => `${p.path} 是文件，不是文件夹：单个文件请用“导入牌组文件…”。`,
  'folder.alreadyAdded': (p) => `${p.path} 已经是牌组文件夹。`,
  'folder.overlaps': (p) => `${p.path} 与牌组文件夹 ${p.other} 重叠：每个牌组文件只能属于一个文件夹。`,
  'folder.notAdded': (p) => `${p.path} 不是已添加的牌组文件夹（内置和默认文件夹不能移除）。`,
  'folder.overlapsLoaded': (p) => `${p.path} 与牌组文件夹 ${p.other} 重叠，而后者的牌组已经加载；没有导入任何内容。`,
  'folder.builtInDecks': (p) =>
    `${p.path} 就是、包含或位于内置牌组（${p.builtIn}）之中，应用已以只读方式加载它们；要修改内置牌组，请编辑其中的一张卡片（这会把它复制到你的牌组文件夹）。`,
  'folder.noDeckFiles': (p) => `${p.path} 中没有牌组文件（*.md，跳过隐藏文件夹）；没有导入任何内容。`,
  'folder.problems': (p, words) =>
    `没有从 ${p.path} 导入任何内容（${p.count} 个问题；修正后再导入）：\n` +
    [...fileLines(p.errors, words), ...(p.more > 0 ? [`… 另有 ${p.more} 个`] : [])].join('\n'),
  'folder.deckIdTwice': (p) => `牌组 id“${p.deckId}”也是 ${p.file} 的 id`,
  'folder.cardIdTwice': (p) => `卡片 id“${p.cardId}”也在 ${p.file} 中使用`,
  'folder.cardIdInDeck': (p) => `卡片 id“${p.cardId}”已在牌组“${p.deckId}”中使用${p.file ? `（${p.file}）` : ''}`,
  'folder.imageOutside': (p) => `图片 ${p.ref} 会落在牌组文件夹 ${p.folder} 之外`,
  'folder.imageCollision': (p) => `图片 ${p.ref} 和 ${p.other} 都会被复制到 ${p.to}`,
  'folder.imageWouldReplace': (p) => `图片 ${p.ref} 会覆盖 ${p.to} 处的另一个文件`,
  'folder.cannotCopy': (p) => `无法把 ${p.from} 复制到 ${p.to}：${p.reason}；没有导入任何内容。`,
  'done.folderImported': (p) =>
    [
      `从 ${p.folder} 导入了 ${p.decks} 个牌组`,
      ...(p.added > 0 ? [`${p.added} 个新牌组放在 ${p.into}`] : []),
      ...(p.updated > 0 ? [`${p.updated} 个就地更新`] : []),
      `复制了 ${p.images} 张图片`,
      ...(p.missing.length > 0 ? [`未找到的图片：${p.missing.join('、')}`] : []),
    ].join('；') + '。撤销会移除新增的内容。',

  // ---- Images added in the editor ----
  'image.builtInDeck': () => '这张卡片属于只读的内置牌组：请先保存一次卡片（这会把牌组复制到你的牌组文件夹），再添加图片。',
  'image.empty': (p) => `${p.fileName} 是空文件。`,
  'image.tooLarge': (p) => `${p.fileName} 有 ${megabytes(p.bytes)}；最多可添加 ${Math.round(p.limit / 1048576)} MB 的图片。`,
  'image.unknownType': (p) => `${p.fileName} 不是 PNG、JPEG、GIF 或 WebP 图片。`,
  'image.cannotSave': (p) => `无法把图片保存到 ${p.path}：${p.reason}。`,

  // ---- Studying ----
  'study.staleAnswer': (p) => `卡片 ${p.cardId} 在显示之后被修改了；这次作答没有记录。`,
  'study.cardNotFound': (p) => `没有 id 为 ${p.cardId} 的卡片。`,

  // ---- Deck presets ----
  'preset.notFound': (p) => `没有 id 为 ${p.presetId} 的预设。`,
  'preset.nameTaken': (p) => `名为“${p.name}”的预设已存在。`,
  'preset.defaultKept': () => '默认预设不能删除：没有自己预设的牌组都使用它。',

  // ---- Proofs ----
  'proof.unknownCard': (p) => `没有 id 为 ${p.cardId} 的卡片：它的证明结果没有记录。`,

  // ---- Scheduler optimizer and fit ----
  'optimizer.notEnoughReviews': (p) =>
    `复习记录不足，无法优化：优化器需要 ${p.needed} 次发生在卡片上次作答之后某天的复习，而此预设的牌组只有 ${p.reviews} 次。FSRS 保留当前参数。`,
  'optimizer.unknownJob': (p) => `没有优化任务 ${p.jobId}（应用重启后任务会被遗忘）。`,
  'optimizer.failed': (p) => `优化器失败（${p.detail}）；预设的参数未改变。`,
  'scheduler.notEnoughHistory': (p) =>
    `历史记录不足，无法比较调度算法：此预设的复习中有 ${p.scored} 次可以做样本外评分，至少需要 ${p.needed} 次。请继续学习。`,

  // ---- Browse ----
  'browse.badIs': (p) => `\`is:${p.value}\`：无法识别，请使用 \`is:new\`、\`is:learning\`、\`is:review\`、\`is:suspended\` 或 \`is:due\``,
  'browse.badProof': (p) => `\`proof:${p.value}\`：无法识别，请使用 \`proof:pass\`、\`proof:fail\` 或 \`proof:none\``,
  'browse.badDue': (p) => `\`due:${p.value}\`：无法识别，请使用 \`due:N\`（从今天起的天数）、\`due:today\` 或 \`due:overdue\``,

  // ---- Mock interviews ----
  'mock.emptySelection': () => '请为模拟面试至少选择一个牌组或标签。',
  'mock.countTooSmall': (p) => `模拟面试至少需要 1 道题（你要求了 ${p.count} 道）。`,
  'mock.noTime': (p) => `每道题至少给 1 秒（你给了 ${p.seconds} 秒）。`,
  'mock.noCards': () => '没有可提问的卡片：所选牌组和标签中没有未暂停的卡片。',
  'mock.notFound': (p) => `没有 id 为 ${p.mockId} 的模拟面试。`,
  'mock.finished': (p) => `模拟面试 ${p.mockId} 已结束：它的作答不能再更改。`,
  'mock.notAQuestion': (p) => `卡片 ${p.cardId} 不是模拟面试 ${p.mockId} 的题目。`,
  'mock.alreadyAnswered': (p) => `卡片 ${p.cardId} 已在这次模拟面试中作答；以第一次作答为准。`,
  'proof.notCodingCard': (p) => `卡片 ${p.cardId} 不是编程卡片（或已不存在）：这次尝试没有保存。`,

  // ---- The database ----
  'db.notSqlite': (p) => `${p.path} 不是 SQLite 数据库（文件头不对）。它没有被改动。`,
  'db.cannotOpen': (p) => `无法打开 ${p.path}：${p.reason}`,
  'db.integrity': (p) => `${p.path} 未通过完整性检查（${p.detail}）。它没有被改动。`,
  'db.unreadable': (p) => `无法把 ${p.path} 作为 ProofDeck 数据库读取：${p.reason}`,
  'db.newerSchema': (p) => `这个数据库由更新版本的 ProofDeck 写入（结构版本 ${p.version}，本版本只认识 ${p.known}）。请更新应用。`,
  'db.notOpen': () => '数据库没有打开。',
  'db.unknownBackup': (p) => `不是已知的备份：${p.backup}`,
  'db.missing': (p) =>
    `${p.path} 不存在或为空，但${p.backups > 0 ? `${p.backups} 个备份${p.wal ? '和一个 -wal 文件' : ''}` : '一个 -wal 文件'}表明这里曾有卡片库。` +
    '请恢复最新的备份，或从空卡片库开始（备份会保留）。',
  'db.readOnly': (p) =>
    `ProofDeck 无法写入 ${p.path}（${p.reason}）：数据文件夹或数据库是只读的。没有做任何改动，也没有任何损坏。` +
    '请让它可写（或用另一个 --data-dir 启动 ProofDeck），然后重新启动。',
  'db.diskFull': (p) => `存放 ${p.path} 的磁盘已满。你的卡片库以只读方式显示：在你释放空间并重启 ProofDeck 之前，作答和编辑都会被拒绝。`,
  'db.backupFailed': (p) =>
    `无法把备份写入 ${p.dir}：${p.reason}。ProofDeck 仍已启动，你的卡片库没有问题，但在修好之前不会有新的备份。`,
  'db.noProblem': () => '卡片库已打开且状态正常：没有需要替换的。',
  'db.restored': (p) =>
    `已恢复 ${p.backup}。从损坏的文件中找回了该备份之后的 ${p.rescued} 次作答` +
    (p.skipped > 0 ? `；另有 ${p.skipped} 次无法找回（卡片不在备份中，或该行已损坏）。` : '。'),
  'app.startFailedTitle': () => 'ProofDeck 无法启动',
  'app.startFailed': (p) => `${p.detail}\n\n你的数据没有被改动。请解决上面的问题后重新启动 ProofDeck。`,

  // ---- The API boundary ----
  'api.unknownMethod': (p) => `未知的 API 方法：${p.method}`,
  'api.invalidArgument': (p) => `${p.method} 的参数无效：${p.path}：${p.issue}`,
  'api.noFileDialog': () => '浏览器模式下没有文件对话框：请直接输入完整路径。',
  'api.pathNotGranted': (p) => `${p.method}：ProofDeck 只使用你在本次运行中通过文件对话框选择、或输入并确认过的路径（${p.path}）；请重新选择。`,
  'api.internal': (p) => p.detail,
  'api.jsonOnly': () => '只接受 JSON 请求体。',
  'api.badJson': (p) => `请求体不是 JSON：${p.detail}`,
  'api.bodyTooLarge': (p) => `请求体超过 ${megabytes(p.limit)}，超出了主机接受的上限。`,
  'api.badUtf8': () => '请求体不是有效的 UTF-8 文本。',
  'api.unexpectedFrame': () => '已拒绝来自意外框架的 IPC 调用。',
  'api.hostUnreachable': (p) => `无法连接 ProofDeck 的主机（\`npm run web\` 还在运行吗？）：${p.detail}`,
  'api.unexpectedReply': (p) => `主机返回了意外的响应（HTTP ${p.status}）。`,
  'testClock.off': () => '测试时钟未开启：请用 PROOFDECK_TEST_CLOCK=1 启动浏览器模式主机（仅用于测试）。',
  'testClock.badRequest': (p) => `测试时钟没有移动：${p.detail}。`,

  // ---- Notes import ----
  'notes.tooLarge': (p) =>
    `笔记文件有 ${megabytes(p.bytes)}；ProofDeck 最多导入 ${megabytes(p.limit)} 的笔记。请拆分成更小的 Markdown 文件分别导入。`,
  'notes.binary': () => '这个文件不是文本（包含二进制数据）。请选择保存笔记的 Markdown 文件（.md）。',
  'notes.empty': () => '笔记文件是空的：没有可导入的内容。',
  'notes.lostCharacters': () =>
    `笔记不是有效的 UTF-8 文本（可能是 GBK 编码）：读取时丢失了字符。${UTF8_HINT}，或用会转换 GBK 的 \`npm run import:notes\` 导入。`,
  'notes.unknownEncoding': () => `这个文件既不是 UTF-8 也不是 GBK 文本。${UTF8_HINT}，然后再导入。`,
  'notes.noHeadings': () =>
    '没有找到标题。ProofDeck 为每个标题（以 #、## … 开头的行，即问题）生成一张卡片，标题下方的文字作为答案。请给笔记加上标题后再导入。',
  'notes.noContent': (p) => `${p.headings} 个标题下都没有自己的正文，因此无法生成卡片。请在每个标题下写上答案后再导入。`,
  'notes.gbkConverted': () => '笔记是 GBK 编码而非 UTF-8；已转换为 UTF-8（牌组文件是 UTF-8）。',
  'notes.unclosedFence': (p) =>
    `第 ${p.line} 行：这里开始的代码块（${p.fence}）始终没有关闭，所以它之后的所有内容（包括标题）都被当作代码，与 Typora 的显示一致。请在笔记中关闭代码块后再导入。`,
  'notes.deckIdElsewhere': (p) => `牌组“${p.deckId}”也在 ${p.path} 中；每个 id 只会加载一个牌组，请删除两个文件之一。`,
  'notes.skipNoContent': () => '没有正文，也没有子标题',
  'notes.skipNoText': () => '标题没有可作为问题的文字；请补上后再导入',
  'notes.skipReferences': () => '参考文献列表（引用和链接），不是问题',
  'notes.skipPlaceholder': () => '占位内容（TODO、待补充…），还没有答案',
  'notes.skipMetadata': () => '章节标题，其下只有作者或联系方式',
  'notes.notAFile': (p) => `${p.path} 不是文件。请给出 Markdown 笔记文件的路径。`,
  'notes.cannotRead': (p) => `无法读取 ${p.path}：${p.reason}。`,
  'notes.targetIsOther': (p, words) =>
    `不会写入 ${p.path}：${words(p.reason)}，而导入只会替换 id 相同的牌组（“${p.deckId}”）。` +
    (p.outFlag ? '请换一个 --out 文件。' : '请移动或重命名那个文件后再导入。'),
  'notes.targetChanged': (p, words) => `不会写入 ${p.path}：它现在${words(p.reason)}。请重新预览导入。`,
  'notes.targetNotFile': () => '它不是文件',
  'notes.targetUnreadable': (p) => `它无法读取（${p.reason}）`,
  'notes.targetNotDeck': () => '它不是 ProofDeck 牌组文件',
  'notes.targetOtherDeck': (p) => `它存放的是另一个牌组（id“${p.deckId}”）`,
  'notes.previewGone': () => '这次导入预览已失效；请重新预览笔记。',
  'notes.imageGone': (p) => `图片 ${p.src} 在预览之后不见了；请重新预览导入。`,
  'notes.unknownMatch': (p) => `预览没有建议把 ${p.cardId} 与 ${p.previousId} 对应；请重新预览导入。`,
  'notes.unknownConflict': (p) => `卡片 ${p.cardId} 不是这次预览中的冲突；请重新预览导入。`,
  'notes.noNotesFiles': (p) => `文件夹 ${p.path} 中没有笔记文件（.md、.markdown 或 .txt）。`,
  'notes.batchDeckTwice': (p) =>
    `这个文件会生成与 ${p.other} 相同的牌组（“${p.deckId}”）；只导入第一个。请给其中一个换一个顶级标题或文件名。`,
  'notes.batchCardIdTwice': (p) =>
    `这个文件会生成 id 为“${p.cardId}”的卡片，与 ${p.other} 相同（卡片 id 以截短的牌组名开头）；只导入第一个。请单独导入它，或重命名其文件夹或章节。`,
  'notes.outWithSeveral': () => '--out 只指定一个牌组文件：请只给一个笔记文件，或去掉它以导入多个。',
  'notes.includeWithSeveral': () => '--include 指定的是一个笔记文件中的标题行：请只给一个文件。',
};

/** The card part a message names ('question', 'answer', …) in Chinese. */
function partName(part: string): string {
  return ({ question: '问题', answer: '答案', proof: '证明' } as Record<string, string>)[part] ?? part;
}
