-- Writes every citation as pandoc's citeproc rendered it, one per line,
-- and then the bibliography, one entry per line; pandoc's own output is
-- discarded. Emphasis is written *so*, notes as [^…].
local inlines, blocks

local function one(el)
  local t = el.t
  if t == "Str" then return el.text
  elseif t == "Space" or t == "SoftBreak" then return " "
  elseif t == "LineBreak" then return " "
  elseif t == "Emph" then return "*" .. inlines(el.content) .. "*"
  elseif t == "Strong" then return "**" .. inlines(el.content) .. "**"
  elseif t == "Quoted" then
    if el.quotetype == "DoubleQuote" then return "“" .. inlines(el.content) .. "”" end
    return "‘" .. inlines(el.content) .. "’"
  elseif t == "Note" then return "[^" .. blocks(el.content) .. "]"
  elseif t == "Code" then return el.text
  elseif el.content then return inlines(el.content)
  end
  return ""
end

inlines = function(list)
  local out = {}
  for _, el in ipairs(list) do out[#out + 1] = one(el) end
  return table.concat(out)
end

blocks = function(list)
  local out = {}
  for _, b in ipairs(list) do
    if b.t == "Para" or b.t == "Plain" then out[#out + 1] = inlines(b.content) end
  end
  return table.concat(out, " ")
end

local lines = {}

local function walk_inlines(list)
  for _, el in ipairs(list) do
    if el.t == "Cite" then
      lines[#lines + 1] = "cite: " .. inlines(el.content)
    elseif el.t == "Note" then
      for _, b in ipairs(el.content) do
        if b.content then walk_inlines(b.content) end
      end
    elseif el.content and type(el.content) == "table" and el.t ~= "Cite" then
      walk_inlines(el.content)
    end
  end
end

local function walk_blocks(list)
  for _, b in ipairs(list) do
    if b.t == "Div" and b.identifier == "refs" then
      for _, entry in ipairs(b.content) do
        lines[#lines + 1] = "bib: " .. blocks(entry.content)
      end
    elseif b.t == "Para" or b.t == "Plain" then
      walk_inlines(b.content)
    elseif b.t == "BlockQuote" or b.t == "Div" then
      walk_blocks(b.content)
    end
  end
end

function Pandoc(doc)
  walk_blocks(doc.blocks)
  io.write(table.concat(lines, "\n") .. "\n")
  return doc
end
